import type { ImportJob, ImportPhase } from '@yawar/api';
import { useFormatFileSize } from '../../hooks/useFormatFileSize';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';

const STEPS: ImportPhase[] = ['reading', 'validating', 'writing'];

/**
 * The job's progress, phase by phase: the server restarts `done` at each phase and counts bytes
 * while reading, rows afterwards. `aria-valuenow` is the percentage of done/total, left out (an
 * indeterminate bar) while nothing has been counted.
 */
export function ImportProgress({ job, reconnecting }: { job: ImportJob; reconnecting: boolean }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const formatFileSize = useFormatFileSize();
  // Reading and validating report no steps, only their size: a bar stuck at 0 % for minutes
  // would look like a hang, so it moves without a value until the server counts something.
  const counting = job.total > 0 && job.done > 0;
  const percent = counting ? Math.min(100, Math.floor((job.done / job.total) * 100)) : null;
  const phase = job.status === 'queued' ? t('imp.phase.queued') : t(`imp.phase.${job.phase}`);

  return (
    <section className="card import-progress" aria-labelledby="import-progress-title">
      <div className="import-progress-head">
        <h2 id="import-progress-title" className="card-title" data-testid="import-phase">
          {phase}
          {percent !== null && <span className="import-percent">{` · ${percent} %`}</span>}
        </h2>
        <span className="muted">
          {job.total === 0
            ? t('imp.progress.waiting')
            : job.phase === 'reading'
              ? t('imp.progress.reading', { size: formatFileSize(job.total) })
              : counting
                ? t('imp.progress.rows', {
                    done: formatNumber(job.done),
                    total: formatNumber(job.total),
                  })
                : t('imp.progress.rowsTotal', { total: formatNumber(job.total) })}
        </span>
      </div>
      <ol className="import-steps" aria-hidden="true">
        {STEPS.map((step, index) => {
          const current = job.status === 'queued' ? -1 : STEPS.indexOf(job.phase);
          const className =
            index < current || job.phase === 'done'
              ? 'is-done'
              : index === current
                ? 'is-current'
                : '';
          return (
            <li key={step} className={className}>
              {t(`imp.phase.${step}`)}
            </li>
          );
        })}
      </ol>
      <div
        className={counting ? 'progress' : 'progress progress-indeterminate'}
        role="progressbar"
        aria-labelledby="import-progress-title"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent === null ? phase : `${phase}: ${percent} %`}
        data-testid="import-progress"
      >
        <div className="progress-fill" style={{ width: `${percent ?? 100}%` }} />
      </div>
      {reconnecting ? (
        <p className="warning import-note" role="status">
          {t('imp.reconnecting')}
        </p>
      ) : (
        <p className="fine-print">{t('imp.progress.hint')}</p>
      )}
    </section>
  );
}
