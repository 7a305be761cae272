import type { ImportJob } from '../../api/importTypes';
import { importApi } from '../../api/importClient';
import { supplyImportResult } from '../../api/supplyClient';
import type { SupplyImportResult } from '../../api/supplyTypes';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { Link } from '../../router/router';

/** How a finished history import ended: imported (with warnings), refused with row errors, or failed. */
export function SupplyImportOutcome({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  const result = supplyImportResult(job);
  if (result) return <Imported result={result} onAnother={onAnother} />;
  if (job.errorCount > 0) return <Refused job={job} onAnother={onAnother} />;
  return <Failed message={job.message} onAnother={onAnother} />;
}

function Imported({ result, onAnother }: { result: SupplyImportResult; onAnother: () => void }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const n = (value: number) => formatNumber(value);
  return (
    <section
      className="card outcome outcome-success"
      data-testid="supply-import-result"
      role="status"
    >
      <h2 className="card-title">{t('sup.imp.result.title')}</h2>
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
      <p className="outcome-actions">
        <Link className="button" to="/abastecimiento" data-testid="supply-import-view">
          {t('sup.imp.result.view')}
        </Link>
        <button type="button" className="button button-outline" onClick={onAnother}>
          {t('imp.another')}
        </button>
      </p>
    </section>
  );
}

function Refused({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const shown = job.errors.length;
  return (
    <section className="card card-flush outcome outcome-error" data-testid="supply-import-errors">
      <div className="card-header">
        <h2 className="card-title" role="alert">
          {job.errorCount === 1
            ? t('imp.errors.titleOne')
            : t('imp.errors.title', { n: formatNumber(job.errorCount) })}
        </h2>
        <p>{t('imp.errors.allOrNothing')}</p>
        <p className="outcome-actions">
          <a
            className="button"
            href={importApi.errorsCsvUrl(job.id)}
            download
            data-testid="supply-import-errors-download"
          >
            {t('imp.errors.download')}
          </a>
          <button type="button" className="button button-outline" onClick={onAnother}>
            {t('imp.another')}
          </button>
        </p>
        <p className="fine-print">
          {shown < job.errorCount
            ? `${t('imp.errors.shown', { shown: formatNumber(shown), total: formatNumber(job.errorCount) })} `
            : ''}
          {t('sup.imp.errors.privacy')}
        </p>
      </div>
      {shown > 0 && (
        <div className="table-scroll">
          <table
            className="data-table import-errors-table"
            data-testid="supply-import-errors-table"
          >
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('imp.errors.row')}
                </th>
                <th scope="col">{t('imp.errors.column')}</th>
                <th scope="col">{t('imp.errors.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {job.errors.map((error, index) => (
                <tr key={index} data-testid="supply-import-error-row">
                  <td className="num">{error.row}</td>
                  <td>
                    {error.column ? (
                      <code>{error.column}</code>
                    ) : (
                      <span className="muted">{t('imp.errors.wholeRow')}</span>
                    )}
                  </td>
                  <td>{error.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Failed({ message, onAnother }: { message: string | null; onAnother: () => void }) {
  const t = useT();
  return (
    <section className="card outcome outcome-error" data-testid="supply-import-failed" role="alert">
      <h2 className="card-title">{t('imp.failed.title')}</h2>
      <p>{t('imp.failed.detail')}</p>
      {message && <p className="status-code">{message}</p>}
      <p className="outcome-actions">
        <button type="button" className="button button-outline" onClick={onAnother}>
          {t('imp.another')}
        </button>
      </p>
    </section>
  );
}
