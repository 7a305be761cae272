import type { HealthResponse } from '@yawar/api';
import { useSources } from '../hooks/useSources';
import { useT } from '../i18n/I18nProvider';

interface SourceFooterProps {
  health: HealthResponse | null;
}

/**
 * Every number on the page must be traceable to its source: the footer lists the public datasets
 * behind the map (from GET /api/sources); hovering one says what it provides. Each establishment
 * also names its own sources in the details panel.
 */
export function SourceFooter({ health }: SourceFooterProps) {
  const t = useT();
  const sources = useSources();
  return (
    <footer className="app-footer">
      <span data-testid="sources">
        {t('footer.sources', { sources: '' })}
        {sources.map((source, index) => (
          <span key={source.id} title={`${source.dataset} — ${source.provides}`}>
            {index > 0 && ' · '}
            {source.publisher} ({source.vintage.split(';')[0]})
          </span>
        ))}
      </span>
      {health && (
        <span className="muted">
          {t('footer.server', { version: health.version, database: health.database })}
        </span>
      )}
    </footer>
  );
}
