import { useRef, useState } from 'react';
import type { ProgrammingComputeJob } from '@yawar/api';
import type { ProgrammeStatus } from '@yawar/core';
import { programmingApi } from '../../api/programmingClient';
import { useAuth } from '../../auth/AuthProvider';
import { isJobActive, useProgrammingJob } from '../../hooks/useProgrammingJob';
import { apiErrorMessage, isUnauthenticated } from '../../i18n/apiErrorMessage';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';

/**
 * "Calcular": CENARES (re)computes the prefills of every programme of the round from the
 * consumption history. A job on the server, followed here as an import is; its id lives in the
 * URL so a reload finds it again.
 */
export function ComputePanel({
  roundId,
  jobId,
  onJob,
  onFinished,
}: {
  roundId: number;
  jobId: string | null;
  onJob: (jobId: string | null) => void;
  onFinished: (job: ProgrammingComputeJob) => void;
}) {
  const t = useT();
  const { sessionExpired } = useAuth();
  // Jobs started from this page: a quick one may be over before the first poll sees it run.
  const started = useRef(new Set<string>());
  const { job, error, reconnecting } = useProgrammingJob(jobId, (finished, sawRunning) => {
    if (!sawRunning && !started.current.has(finished.id)) return;
    started.current.delete(finished.id);
    onFinished(finished);
  });
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const running = isJobActive(job) || (jobId !== null && !job && !error);

  const start = async () => {
    if (!window.confirm(t('prog.compute.confirm'))) return;
    setStarting(true);
    setStartError(null);
    try {
      const { jobId: next } = await programmingApi.compute(roundId);
      started.current.add(next);
      onJob(next);
    } catch (cause) {
      if (isUnauthenticated(cause)) sessionExpired();
      else setStartError(apiErrorMessage(cause, t));
    } finally {
      setStarting(false);
    }
  };

  return (
    <section className="card prog-compute" aria-labelledby="compute-title">
      <div className="prog-compute-head">
        <div>
          <h2 id="compute-title" className="card-title">
            {t('prog.compute.title')}
          </h2>
          <p className="fine-print">{t('prog.compute.hint')}</p>
        </div>
        <button
          type="button"
          className="button"
          onClick={() => void start()}
          disabled={starting || running}
          data-testid="compute-start"
        >
          {running ? t('prog.compute.running') : t('prog.compute.start')}
        </button>
      </div>
      {startError && (
        <p className="form-error" role="alert">
          {startError}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="compute-error">
          {apiErrorMessage(error, t)}
        </p>
      )}
      {jobId && job && <JobStatus job={job} reconnecting={reconnecting} />}
    </section>
  );
}

function JobStatus({ job, reconnecting }: { job: ProgrammingComputeJob; reconnecting: boolean }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const counting = job.total > 0;
  const percent = counting ? Math.min(100, Math.floor((job.done / job.total) * 100)) : null;
  if (isJobActive(job)) {
    const label = counting
      ? t('prog.compute.progress', { done: formatNumber(job.done), total: formatNumber(job.total) })
      : t('prog.compute.waiting');
    return (
      <div className="prog-compute-progress" aria-live="polite">
        <p className="muted" id="compute-progress-label">
          {label}
        </p>
        <div
          className={counting ? 'progress' : 'progress progress-indeterminate'}
          role="progressbar"
          aria-labelledby="compute-progress-label"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          data-testid="compute-progress"
        >
          <div className="progress-fill" style={{ width: `${percent ?? 100}%` }} />
        </div>
        {reconnecting && (
          <p className="warning" role="status">
            {t('imp.reconnecting')}
          </p>
        )}
      </div>
    );
  }
  if (job.status === 'succeeded') {
    const report = job.result;
    if (!report) {
      return (
        <p className="form-success" role="status" data-testid="compute-done">
          {t('prog.compute.done', { total: formatNumber(job.total) })}
        </p>
      );
    }
    // Computed and skipped, and why (issue #10): a count alone hid the programmes left alone.
    const reasons = Object.entries(report.skippedByStatus)
      .flatMap(([status, n]) =>
        n ? [`${formatNumber(n)} ${t(`prog.status.${status as ProgrammeStatus}`)}`] : [],
      )
      .join(', ');
    return (
      <div className="form-success" role="status" data-testid="compute-done">
        <p>{t('prog.compute.computed', { n: formatNumber(report.programmes) })}</p>
        {report.skipped > 0 && (
          <p data-testid="compute-skipped" data-skipped={report.skipped}>
            {t('prog.compute.skipped', { n: formatNumber(report.skipped), reasons })}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="form-error" role="alert" data-testid="compute-failed">
      <p>{t('prog.compute.failed')}</p>
      {job.message && <p className="status-code">{job.message}</p>}
      {job.errors.length > 0 && (
        <ul>
          {job.errors.map((issue, index) => (
            <li key={index}>
              {issue.column ? `${issue.column}: ` : ''}
              {issue.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
