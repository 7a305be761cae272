import type { Meeting } from '@yawar/api';
import { useFormatDate, useT } from '../../i18n/I18nProvider';
import { ParticipantRow } from './ParticipantRow';

/** One meeting: when, how and where, and each unit that was invited. */
export function MeetingCard({
  meeting,
  editable,
  onSaved,
}: {
  meeting: Meeting;
  editable: boolean;
  onSaved: (meeting: Meeting) => void;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const attended = meeting.participants.filter((item) => item.attended === true).length;
  return (
    <article
      className="card card-flush"
      data-testid="meeting"
      data-meeting-id={meeting.id}
      aria-labelledby={`meeting-${meeting.id}`}
    >
      <div className="card-header">
        <h3 id={`meeting-${meeting.id}`} className="card-title">
          {t('prog.rounds.dateRange', {
            from: formatDate(meeting.startsOn),
            to: formatDate(meeting.endsOn),
          })}
          {' · '}
          {t(`prog.modality.${meeting.modality}`)}
          {meeting.place && ` · ${meeting.place}`}
        </h3>
        <p className="fine-print">
          {t('prog.meeting.attendance', {
            attended,
            total: meeting.participants.length,
          })}
        </p>
      </div>
      <div className="table-scroll">
        <table className="data-table" data-testid="participants-table">
          <thead>
            <tr>
              <th scope="col">{t('prog.programmes.unit')}</th>
              <th scope="col">{t('prog.programmes.status')}</th>
              <th scope="col">{t('prog.meeting.attended')}</th>
              <th scope="col">{t('prog.meeting.feedback')}</th>
              <th scope="col" className="num">
                {t('prog.meeting.observations')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('prog.sheet.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {meeting.participants.map((participant) => (
              <ParticipantRow
                key={participant.unit.code}
                meetingId={meeting.id}
                participant={participant}
                editable={editable}
                onSaved={onSaved}
              />
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
