import { importApi } from '../../api/importClient';
import type { ImportJob, ImportResult } from '../../api/importTypes';
import type { MessageKey } from '../../i18n/dictionary';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { Link } from '../../router/router';

/** How a finished job ended: imported, refused with row errors, or failed for another reason. */
export function ImportOutcome({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  if (job.status === 'succeeded' && job.result) {
    return <Imported result={job.result} onAnother={onAnother} />;
  }
  if (job.errorCount > 0) return <Refused job={job} onAnother={onAnother} />;
  return <Failed message={job.message} onAnother={onAnother} />;
}

function Imported({ result, onAnother }: { result: ImportResult; onAnother: () => void }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const children = result.newChildren + result.knownChildren;
  // Spanish and English both say "1 niño" but "2 niños": a key for one, another for the rest.
  const count = (n: number, many: MessageKey, one: MessageKey) =>
    n === 1 ? t(one) : t(many, { n: formatNumber(n) });
  return (
    <section className="card outcome outcome-success" data-testid="import-result" role="status">
      <h2 className="card-title">{t('imp.result.title')}</h2>
      <p className="outcome-summary">
        {t(result.screenings === 1 ? 'imp.result.summaryOne' : 'imp.result.summary', {
          screenings: formatNumber(result.screenings),
          children: count(children, 'imp.result.children', 'imp.result.childrenOne'),
          newChildren: count(result.newChildren, 'imp.result.new', 'imp.result.newOne'),
          batch: String(result.batchId),
        })}
      </p>
      <p className="muted">{t('imp.result.detail')}</p>
      <p className="outcome-actions">
        <Link className="button" to="/vigilancia" data-testid="import-view-surveillance">
          {t('imp.result.view')}
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
    <section className="card card-flush outcome outcome-error" data-testid="import-errors">
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
            data-testid="import-errors-download"
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
          {t('imp.errors.privacy')}
        </p>
      </div>
      {shown > 0 && (
        <div className="table-scroll">
          <table className="data-table import-errors-table" data-testid="import-errors-table">
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
                <tr key={index} data-testid="import-error-row">
                  {/* Plain, as Excel numbers its rows: the reader looks them up there. */}
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
    <section className="card outcome outcome-error" data-testid="import-failed" role="alert">
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
