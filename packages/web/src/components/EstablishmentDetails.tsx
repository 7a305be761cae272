import type { EstablishmentFeature } from '@yawar/api';
import { hasPermission, useAuth } from '../auth/AuthProvider';
import { useFormatNumber, useT } from '../i18n/I18nProvider';
import { CATEGORY_COLORS } from '../map/categoryStyle';
import { DetailList } from './DetailList';
import { RegistryDiscrepancies } from './RegistryDiscrepancies';
import { LaboratoryEditor } from './LaboratoryEditor';

interface EstablishmentDetailsProps {
  establishment: EstablishmentFeature;
  onFlyTo: (coordinates: [number, number]) => void;
  onUpdated: (feature: EstablishmentFeature) => void;
}

export function EstablishmentDetails({
  establishment,
  onFlyTo,
  onUpdated,
}: EstablishmentDetailsProps) {
  const t = useT();
  const { user } = useAuth();
  const formatNumber = useFormatNumber();
  const p = establishment.properties;
  const na = <span className="muted">{t('details.notAvailable')}</span>;
  const coordinates = establishment.geometry?.coordinates;
  const lngLat: [number, number] | null =
    coordinates && coordinates[0] !== undefined && coordinates[1] !== undefined
      ? [coordinates[0], coordinates[1]]
      : null;

  const executingUnit =
    p.executingUnitCode || p.executingUnitName
      ? [p.executingUnitCode, p.executingUnitName].filter(Boolean).join(' · ')
      : null;

  return (
    <article className="details" data-testid="establishment-details">
      <p className="details-kind">{t('details.establishment')}</p>
      <h2 className="details-title" data-testid="details-title">
        {p.name}
      </h2>
      <p className="details-badges">
        <span
          className="category-badge"
          style={{ borderColor: CATEGORY_COLORS[p.category] }}
          data-testid="details-category"
        >
          <span
            className="swatch"
            style={{ background: CATEGORY_COLORS[p.category] }}
            aria-hidden="true"
          />
          {p.category}
        </span>
        <span className="code-badge">{p.code}</span>
      </p>

      {p.registryDiscrepancies.length > 0 && (
        <RegistryDiscrepancies discrepancies={p.registryDiscrepancies} />
      )}

      {p.coordinateStatus !== 'ok' && (
        <p className="warning" role="note" data-testid="coordinate-warning">
          {t(`details.coord.${p.coordinateStatus}`)}
        </p>
      )}

      <DetailList
        rows={[
          { label: t('details.code'), value: p.code, testId: 'details-code' },
          { label: t('details.category'), value: t(`category.${p.category}`) },
          { label: t('details.network'), value: withCode(p.network, p.networkCode) ?? na },
          { label: t('details.microred'), value: withCode(p.microred, p.microredCode) ?? na },
          { label: t('details.institution'), value: p.institution ?? na },
          { label: t('details.districtProvince'), value: `${p.districtName} / ${p.provinceName}` },
          { label: t('details.executingUnit'), value: executingUnit ?? na },
          {
            label: t('details.altitude'),
            value:
              p.altitudeM === null ? (
                na
              ) : (
                <>
                  {t('unit.metres', { n: formatNumber(p.altitudeM) })}{' '}
                  {p.altitudeSource && (
                    <span className="muted" data-testid="details-altitude-source">
                      ({t(`details.altitudeSource.${p.altitudeSource}`)})
                    </span>
                  )}
                </>
              ),
          },
          { label: t('details.address'), value: p.address ?? na },
          {
            label: t('details.coordinates'),
            value: lngLat ? `${lngLat[1].toFixed(5)}, ${lngLat[0].toFixed(5)}` : na,
          },
          {
            label: t('details.coordinateStatus'),
            value: (
              <span className={`coord-status coord-status-${p.coordinateStatus}`}>
                {t(`details.coord.${p.coordinateStatus}`)}
              </span>
            ),
          },
          {
            label: t('details.laboratory'),
            value: (
              <>
                <strong>{p.hasLaboratory ? t('details.lab.yes') : t('details.lab.no')}</strong>{' '}
                <span className="muted">({t(`details.lab.${p.laboratorySource}`)})</span>
                {p.laboratoryReason && (
                  <span className="detail-note">
                    {t('details.lab.reason', { reason: p.laboratoryReason })}
                  </span>
                )}
              </>
            ),
          },
          { label: t('details.source'), value: <span className="muted">{p.source}</span> },
        ]}
      />
      {lngLat && (
        <button type="button" className="button button-secondary" onClick={() => onFlyTo(lngLat)}>
          {t('details.flyTo')}
        </button>
      )}
      {hasPermission(user, 'laboratory:edit') && (
        // Keyed by code: selecting another establishment starts a fresh form.
        <LaboratoryEditor key={p.code} establishment={establishment} onSaved={onUpdated} />
      )}
    </article>
  );
}

/** "CHIPLE (3)": the registry code beside the name, so planners can match MINSA's files. */
function withCode(name: string | null, code: string | null): string | null {
  if (!name) return null;
  return code ? `${name} (${code})` : name;
}
