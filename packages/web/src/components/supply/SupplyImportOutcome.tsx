import type { ImportJob, SupplyHistoryJobResult } from '@yawar/api';
import { supplyImportResult } from '../../api/supplyClient';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { ImportFailure } from '../import/ImportFailure';
import { ImportSucceeded, type ImportView } from '../import/ImportSucceeded';

const VIEW: ImportView = {
  to: '/abastecimiento',
  label: 'sup.imp.result.view',
  testId: 'supply-import-view',
};

/** How a finished history import ended: imported (with warnings), refused with row errors, or failed. */
export function SupplyImportOutcome({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  const result = supplyImportResult(job);
  if (result) return <Imported result={result} onAnother={onAnother} />;
  return (
    <ImportFailure
      job={job}
      onAnother={onAnother}
      testIdPrefix="supply-import"
      privacy="sup.imp.errors.privacy"
    />
  );
}

function Imported({
  result,
  onAnother,
}: {
  result: SupplyHistoryJobResult;
  onAnother: () => void;
}) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const n = (value: number) => formatNumber(value);
  return (
    <ImportSucceeded
      testId="supply-import-result"
      title="sup.imp.result.title"
      view={VIEW}
      onAnother={onAnother}
    >
      <p className="outcome-summary">
        {t('sup.imp.result.summary', {
          rows: n(result.rows),
          batch: String(result.batchId),
          inserted: n(result.inserted),
          updated: n(result.updated),
          unchanged: n(result.unchanged),
        })}
      </p>
      <p className="muted">
        {t('sup.imp.result.detail', {
          establishments: n(result.establishments),
          warehouses: n(result.warehouses),
          products: n(result.products),
          from: result.from ?? '—',
          to: result.to ?? '—',
        })}
      </p>
      {result.warnings.length > 0 && (
        <div className="warning import-warnings" data-testid="supply-import-warnings">
          <strong>{t('sup.imp.warnings.title', { n: n(result.warnings.length) })}</strong>{' '}
          {t('sup.imp.warnings.hint')}
          <ul>
            {result.warnings.map((w, index) => (
              <li key={index}>
                {t('imp.errors.row')} {w.row}
                {w.column ? ` · ${w.column}` : ''}: {w.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </ImportSucceeded>
  );
}
