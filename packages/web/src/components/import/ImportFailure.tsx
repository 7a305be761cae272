import { importApi } from '../../api/importClient';
import type { ImportJob } from '@yawar/api';
import type { MessageKey } from '../../i18n/dictionary';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';

interface FailureProps {
  job: ImportJob;
  onAnother: () => void;
  /**
   * Test ids: `${testIdPrefix}-errors` with `-errors-download`, `-errors-table` and `-error-row`
   * when refused, `${testIdPrefix}-failed` otherwise.
   */
  testIdPrefix: string;
  /** What the error report holds of the file's contents. */
  privacy: MessageKey;
}

/** A finished import that wrote nothing: refused with row errors, or failed for another reason. */
export function ImportFailure(props: FailureProps) {
  const { job, onAnother, testIdPrefix } = props;
  if (job.errorCount > 0) return <Refused {...props} />;
  return <Failed message={job.message} onAnother={onAnother} testIdPrefix={testIdPrefix} />;
}

/** Refused with row errors: the errors, and the report to download. */
function Refused({ job, onAnother, testIdPrefix, privacy }: FailureProps) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const shown = job.errors.length;
  return (
    <section
      className="card card-flush outcome outcome-error"
      data-testid={`${testIdPrefix}-errors`}
    >
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
            data-testid={`${testIdPrefix}-errors-download`}
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
          {t(privacy)}
        </p>
      </div>
      {shown > 0 && (
        <div className="table-scroll">
          <table
            className="data-table import-errors-table"
            data-testid={`${testIdPrefix}-errors-table`}
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
                <tr key={index} data-testid={`${testIdPrefix}-error-row`}>
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

function Failed({
  message,
  onAnother,
  testIdPrefix,
}: {
  message: string | null;
  onAnother: () => void;
  testIdPrefix: string;
}) {
  const t = useT();
  return (
    <section
      className="card outcome outcome-error"
      data-testid={`${testIdPrefix}-failed`}
      role="alert"
    >
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
