import type { EstablishmentFeature, HealthResponse } from '../api/types';
import { useT } from '../i18n/I18nProvider';

interface SourceFooterProps {
  establishments: readonly EstablishmentFeature[];
  health: HealthResponse | null;
}

/**
 * Every number on the page must be traceable to its source. Establishment sources come from the
 * API's `source` fields; the API does not (yet) return a source for boundaries and district
 * indicators, so those are named from the dictionary.
 */
export function SourceFooter({ establishments, health }: SourceFooterProps) {
  const t = useT();
  const establishmentSources = [
    ...new Set(establishments.map((feature) => feature.properties.source)),
  ].sort();
  const sources = [...establishmentSources, t('footer.boundaries')].join('; ');
  return (
    <footer className="app-footer">
      <span data-testid="sources">{t('footer.sources', { sources })}</span>
      {health && (
        <span className="muted">
          {t('footer.server', { version: health.version, database: health.database })}
        </span>
      )}
    </footer>
  );
}
