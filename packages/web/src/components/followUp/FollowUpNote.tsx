import type { FollowUpResponse, HbRule } from '@yawar/api';
import { useFormatDate, useT } from '../../i18n/I18nProvider';
import { MethodsCard, type MethodRow } from '../MethodsCard';

/**
 * What the list rests on, stated next to it: the schedule (a transcription still to be checked
 * against the norm's PDF), the rule that decided who is anemic, and what the child reference is.
 */
export function FollowUpNote({
  response,
  rules,
}: {
  response: FollowUpResponse;
  rules: readonly HbRule[] | null;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const rule = rules?.find((item) => item.id === response.rule);
  const rows: MethodRow[] = [
    [
      t('fu.note.schedule'),
      `${t('fu.note.scheduleText', {
        title: response.schedule.title,
        days: response.schedule.controlsAfterDays.join(', '),
        tolerance: response.schedule.toleranceDays,
      })} ${t('fu.note.scheduleSource', {
        source: response.schedule.source,
        id: response.schedule.id,
      })}`,
    ],
    [t('fu.note.rule'), rule ? `${rule.title} (${rule.id}). ${rule.source}` : response.rule],
    [
      t('fu.note.status'),
      t('fu.note.statusText', {
        date: formatDate(response.today),
        lost: response.schedule.lostAfterMissed,
        count: response.schedule.controlsAfterDays.length,
      }),
    ],
    [t('fu.note.treatment'), t('fu.treatment.hint')],
    [t('fu.note.child'), t('fu.note.childText')],
    [t('fu.note.belongs'), t('fu.note.belongsText')],
  ];
  return (
    <MethodsCard
      titleId="follow-up-note"
      title={t('fu.note.title')}
      rows={rows}
      testId="follow-up-note"
    />
  );
}
