import type { FollowUpControl, FollowUpSchedule } from '@yawar/api';
import { controlState } from '../../domain/followUp';
import { useFormatDate, useT } from '../../i18n/I18nProvider';

/**
 * One expected control: the day it was done (✓) and its result, or the day it is due, red once
 * its window is over. The full sentence is in the tooltip.
 */
export function ControlCell({
  control,
  index,
  today,
  schedule,
}: {
  control: FollowUpControl | undefined;
  index: number;
  today: string;
  schedule: Pick<FollowUpSchedule, 'controlsAfterDays' | 'toleranceDays'>;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  if (!control) return <td className="muted">—</td>;
  const state = controlState(control, today, schedule.toleranceDays);
  const level = control.level ? t(`surv.level.${control.level}`) : '—';
  const params = {
    n: index + 1,
    days: schedule.controlsAfterDays[index] ?? '',
    due: formatDate(control.dueDate),
    done: control.doneOn ? formatDate(control.doneOn) : '',
    level,
    tolerance: schedule.toleranceDays,
  };
  const anemic = control.level !== null && control.level !== 'none';
  return (
    <td className={`control control-${state}`} data-state={state}>
      <span className="control-inner" title={t(`fu.control.tip.${state}`, params)}>
        <span className="control-date">
          {state === 'done' && (
            <span className="control-check" aria-hidden="true">
              ✓{' '}
            </span>
          )}
          {state === 'done' ? params.done : params.due}
        </span>
        <span className={anemic ? 'control-sub control-anemic' : 'control-sub'}>
          {state === 'done' ? level : t(`fu.control.${state}`)}
        </span>
      </span>
    </td>
  );
}
