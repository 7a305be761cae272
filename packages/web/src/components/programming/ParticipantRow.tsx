import { useState } from 'react';
import { programmingApi } from '../../api/programmingClient';
import type { Meeting, MeetingParticipant } from '@yawar/api';
import { useAuth } from '../../auth/AuthProvider';
import { apiErrorMessage, isUnauthenticated } from '../../i18n/apiErrorMessage';
import { useFormatNumber, useT } from '../../i18n/I18nProvider';
import { Link } from '../../router/router';
import { StatusBadge } from './StatusBadge';

type Attendance = 'unknown' | 'yes' | 'no';
const toAttendance = (value: boolean | null): Attendance =>
  value === null ? 'unknown' : value ? 'yes' : 'no';
const fromAttendance = (value: Attendance): boolean | null =>
  value === 'unknown' ? null : value === 'yes';

/** One unit at a meeting: did it come, what it was told, and what became of its observations. */
export function ParticipantRow({
  meetingId,
  participant,
  editable,
  onSaved,
}: {
  meetingId: number;
  participant: MeetingParticipant;
  editable: boolean;
  onSaved: (meeting: Meeting) => void;
}) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const { sessionExpired } = useAuth();
  const [attended, setAttended] = useState(toAttendance(participant.attended));
  const [feedback, setFeedback] = useState(participant.feedback ?? '');
  const [state, setState] = useState<{ saving: boolean; message: string | null }>({
    saving: false,
    message: null,
  });
  const { unit } = participant;
  const dirty =
    attended !== toAttendance(participant.attended) ||
    feedback.trim() !== (participant.feedback ?? '');

  const save = async () => {
    setState({ saving: true, message: null });
    try {
      const trimmed = feedback.trim();
      onSaved(
        await programmingApi.updateParticipant(meetingId, unit.code, {
          attended: fromAttendance(attended),
          feedback: trimmed === '' ? null : trimmed,
        }),
      );
      setState({ saving: false, message: t('prog.sheet.saved') });
    } catch (cause) {
      if (isUnauthenticated(cause)) sessionExpired();
      setState({ saving: false, message: apiErrorMessage(cause, t) });
    }
  };

  return (
    <tr data-testid="participant-row" data-unit-code={unit.code}>
      <th scope="row">
        {participant.programmeId ? (
          <Link to={`/programacion/${participant.programmeId}`} className="cell-main">
            {unit.name}
          </Link>
        ) : (
          <span className="cell-main">{unit.name}</span>
        )}
        <span className="cell-sub mono">{unit.code}</span>
      </th>
      <td>
        {participant.programmeStatus ? (
          <StatusBadge status={participant.programmeStatus} />
        ) : (
          <span className="muted">{t('prog.meeting.noProgramme')}</span>
        )}
      </td>
      <td>
        <select
          className="text-input"
          aria-label={t('prog.meeting.attendedFor', { unit: unit.name })}
          value={attended}
          disabled={!editable}
          onChange={(event) => setAttended(event.target.value as Attendance)}
          data-testid="participant-attended"
        >
          <option value="unknown">{t('prog.attendance.unknown')}</option>
          <option value="yes">{t('prog.attendance.yes')}</option>
          <option value="no">{t('prog.attendance.no')}</option>
        </select>
      </td>
      <td>
        <textarea
          className="text-input"
          rows={2}
          aria-label={t('prog.meeting.feedbackFor', { unit: unit.name })}
          value={feedback}
          readOnly={!editable}
          onChange={(event) => setFeedback(event.target.value)}
          data-testid="participant-feedback"
        />
      </td>
      <td className="num" title={t('prog.meeting.observationsHint')}>
        <span data-testid="participant-observations">
          {t('prog.meeting.addressedOf', {
            addressed: formatNumber(participant.addressedBeforeApproval),
            total: formatNumber(participant.observations),
          })}
        </span>
      </td>
      <td className="row-actions">
        {editable && (
          <button
            type="button"
            className="button button-small"
            disabled={!dirty || state.saving}
            onClick={() => void save()}
            data-testid="participant-save"
          >
            {state.saving ? t('form.saving') : t('form.save')}
          </button>
        )}
        <span className="cell-sub" role="status" aria-live="polite">
          {state.message}
        </span>
      </td>
    </tr>
  );
}
