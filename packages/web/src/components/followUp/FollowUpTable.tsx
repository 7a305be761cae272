import type { FollowUpItem, FollowUpSchedule } from '@yawar/api';
import { ageInMonths } from '../../domain/followUp';
import { useFormatDate, useT } from '../../i18n/I18nProvider';
import { SimulatedBadge } from '../surveillance/Explained';
import { ControlCell } from './ControlCell';

/** One row per child, in the server's order: lost, overdue, on track, completed. */
export function FollowUpTable({
  items,
  today,
  schedule,
  showSimulated,
}: {
  items: readonly FollowUpItem[];
  today: string;
  /** The server's schedule: the columns are its controls, never a copy of its numbers. */
  schedule: FollowUpSchedule;
  /** Mark simulated rows one by one only when the list mixes real and simulated children. */
  showSimulated: boolean;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const treatmentHint = t('fu.treatment.hint');
  return (
    <div className="table-scroll">
      <table className="data-table follow-up-table" data-testid="follow-up-table">
        <thead>
          <tr>
            <th scope="col" title={t('fu.childHint')}>
              {t('fu.col.child')}
            </th>
            <th scope="col">{t('fu.col.sex')}</th>
            <th
              scope="col"
              className="num"
              title={t('fu.col.ageHint', { date: formatDate(today) })}
            >
              {t('fu.col.age')}
            </th>
            <th scope="col">{t('fu.col.diagnosis')}</th>
            {schedule.controlsAfterDays.map((days, index) => (
              <th scope="col" key={days}>
                {t('fu.col.control', { n: index + 1 })}
                <span className="th-sub">{t('fu.col.controlDays', { days })}</span>
              </th>
            ))}
            <th scope="col">{t('fu.col.nextDue')}</th>
            <th scope="col">{t('fu.col.status')}</th>
            <th scope="col" title={treatmentHint}>
              {t('fu.col.treatment')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            // Two pseudonyms could share a prefix: the position keeps the keys unique.
            <tr
              key={`${item.childRef}|${index}`}
              data-testid="follow-up-row"
              data-status={item.status}
            >
              <td className="nowrap">
                <span className="mono child-ref" data-testid="follow-up-child">
                  {item.childRef}
                </span>
                {showSimulated && item.simulated && <SimulatedBadge />}
              </td>
              <td>{t(`fu.sex.${item.sex}`)}</td>
              <td className="num">{ageInMonths(item.birthDate, today)}</td>
              <td className="nowrap">
                <span className="cell-main">{formatDate(item.diagnosisDate)}</span>
                <span className={`level level-${item.diagnosisLevel}`}>
                  {t(`surv.level.${item.diagnosisLevel}`)}
                </span>
              </td>
              {schedule.controlsAfterDays.map((days, control) => (
                <ControlCell
                  key={days}
                  control={item.controls[control]}
                  index={control}
                  today={today}
                  schedule={schedule}
                />
              ))}
              <td className="nowrap">
                {item.nextDue ? (
                  <span
                    className={
                      item.status === 'lost' || item.status === 'overdue' ? 'date-late' : undefined
                    }
                  >
                    {formatDate(item.nextDue)}
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="nowrap">
                <span
                  className={`status-badge status-badge-${item.status}`}
                  title={t(`fu.statusHint.${item.status}`)}
                  data-testid="follow-up-status"
                >
                  {t(`fu.status.${item.status}`)}
                </span>
                <span className="cell-sub">
                  {t('fu.lastLevel', { level: t(`surv.level.${item.lastLevel}`).toLowerCase() })}
                </span>
              </td>
              <td>
                <span
                  className={item.treatmentRecorded ? 'pill pill-yes' : 'pill'}
                  title={treatmentHint}
                >
                  {item.treatmentRecorded ? t('fu.treatment.yes') : t('fu.treatment.no')}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
