import type { ReactNode } from 'react';
import type { ImportJob } from '@yawar/api';
import { isActive, type useImportJob } from '../../hooks/useImportJob';
import { apiErrorMessage } from '../../i18n/apiErrorMessage';
import { useT } from '../../i18n/I18nProvider';
import { ImportProgress } from './ImportProgress';

/** The job an upload started: its refusal to be followed, its progress, or how it ended. */
export function ImportJobPanel({
  state,
  onAnother,
  outcome,
}: {
  state: ReturnType<typeof useImportJob>;
  onAnother: () => void;
  outcome: (job: ImportJob, onAnother: () => void) => ReactNode;
}) {
  const t = useT();
  const { job, error, reconnecting, retry } = state;
  if (error) {
    const message =
      error.status === 403
        ? t('imp.job.forbidden')
        : error.status === 404
          ? t('imp.job.notFound')
          : apiErrorMessage(error, t);
    return (
      <section className="card outcome outcome-error" role="alert" data-testid="import-job-error">
        <h2 className="card-title">{t('imp.job.errorTitle')}</h2>
        <p>{message}</p>
        <p className="outcome-actions">
          {error.status !== 403 && error.status !== 404 && (
            <button type="button" className="button" onClick={retry}>
              {t('status.retry')}
            </button>
          )}
          <button type="button" className="button button-outline" onClick={onAnother}>
            {t('imp.another')}
          </button>
        </p>
      </section>
    );
  }
  if (!job) {
    return (
      <section className="card import-waiting" role="status">
        <span className="spinner spinner-small" aria-hidden="true" />
        {t('imp.job.loading')}
      </section>
    );
  }
  if (isActive(job)) return <ImportProgress job={job} reconnecting={reconnecting} />;
  return outcome(job, onAnother);
}
