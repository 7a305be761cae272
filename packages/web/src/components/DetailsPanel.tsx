import type { DistrictProperties, EstablishmentFeature } from '@yawar/api';
import { useT } from '../i18n/I18nProvider';
import { DistrictDetails } from './DistrictDetails';
import { EstablishmentDetails } from './EstablishmentDetails';

interface DetailsPanelProps {
  establishment: EstablishmentFeature | null;
  district: DistrictProperties | null;
  onClose: () => void;
  onFlyTo: (coordinates: [number, number]) => void;
  onEstablishmentUpdated: (feature: EstablishmentFeature) => void;
}

export function DetailsPanel({
  establishment,
  district,
  onClose,
  onFlyTo,
  onEstablishmentUpdated,
}: DetailsPanelProps) {
  const t = useT();
  const hasSelection = establishment !== null || district !== null;
  return (
    <aside className="panel details-panel" data-testid="details-panel" aria-live="polite">
      {hasSelection && (
        <button
          type="button"
          className="close-button"
          onClick={onClose}
          aria-label={t('details.close')}
          title={t('details.close')}
        >
          ×
        </button>
      )}
      {establishment ? (
        <EstablishmentDetails
          establishment={establishment}
          onFlyTo={onFlyTo}
          onUpdated={onEstablishmentUpdated}
        />
      ) : district ? (
        <DistrictDetails district={district} />
      ) : (
        <p className="details-empty">{t('details.empty')}</p>
      )}
    </aside>
  );
}
