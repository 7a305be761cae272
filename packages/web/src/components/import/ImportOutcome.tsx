import type { ImportJob, ImportResult } from '@yawar/api';
import type { MessageKey } from '../../i18n/dictionary';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { ImportFailure } from './ImportFailure';
import { ImportSucceeded, type ImportView } from './ImportSucceeded';

const VIEW: ImportView = {
  to: '/vigilancia',
  label: 'imp.result.view',
  testId: 'import-view-surveillance',
};

/** How a finished job ended: imported, refused with row errors, or failed for another reason. */
export function ImportOutcome({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  // The job's kind says whose result it carries; this page starts screening imports only.
  if (job.kind === 'screening-import' && job.status === 'succeeded' && job.result) {
    return <Imported result={job.result} onAnother={onAnother} />;
  }
  return (
    <ImportFailure
      job={job}
      onAnother={onAnother}
      testIdPrefix="import"
      privacy="imp.errors.privacy"
    />
  );
}

function Imported({ result, onAnother }: { result: ImportResult; onAnother: () => void }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const children = result.newChildren + result.knownChildren;
  // Spanish and English both say "1 niño" but "2 niños": a key for one, another for the rest.
  const count = (n: number, many: MessageKey, one: MessageKey) =>
    n === 1 ? t(one) : t(many, { n: formatNumber(n) });
  return (
    <ImportSucceeded
      testId="import-result"
      title="imp.result.title"
      view={VIEW}
      onAnother={onAnother}
    >
      <p className="outcome-summary">
        {t(result.screenings === 1 ? 'imp.result.summaryOne' : 'imp.result.summary', {
          screenings: formatNumber(result.screenings),
          children: count(children, 'imp.result.children', 'imp.result.childrenOne'),
          newChildren: count(result.newChildren, 'imp.result.new', 'imp.result.newOne'),
          batch: String(result.batchId),
        })}
      </p>
      <p className="muted">{t('imp.result.detail')}</p>
    </ImportSucceeded>
  );
}
