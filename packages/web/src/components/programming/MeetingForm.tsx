import { useState, type FormEvent } from 'react';
import { programmingApi } from '../../api/programmingClient';
import type { Meeting, NewMeeting, ProgrammeSummary } from '@yawar/api';
import { useAuth } from '../../auth/AuthProvider';
import { apiErrorMessage, isUnauthenticated } from '../../i18n/apiErrorMessage';
import { useT } from '../../i18n/I18nProvider';
import { UnitChecklist } from './UnitChecklist';

/** A technical-assistance meeting: usually two days with the units of a macro-region. */
export function MeetingForm({
  roundId,
  programmes,
  onCreated,
  onCancel,
}: {
  roundId: number;
  programmes: readonly ProgrammeSummary[];
  onCreated: (meeting: Meeting) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { sessionExpired } = useAuth();
  const [draft, setDraft] = useState<Omit<NewMeeting, 'unitCodes' | 'place'> & { place: string }>({
    groupName: '',
    startsOn: '',
    endsOn: '',
    modality: 'in_person',
    place: '',
  });
  const [units, setUnits] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof typeof draft, value: string) =>
    setDraft((previous) => ({ ...previous, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.endsOn < draft.startsOn) return setError(t('prog.meeting.problem.dates'));
    if (units.size === 0) return setError(t('prog.meeting.problem.units'));
    setSaving(true);
    setError(null);
    try {
      const place = draft.place.trim();
      onCreated(
        await programmingApi.createMeeting(roundId, {
          ...draft,
          groupName: draft.groupName.trim(),
          place: place === '' ? null : place,
          unitCodes: [...units],
        }),
      );
    } catch (cause) {
      if (isUnauthenticated(cause)) sessionExpired();
      else setError(apiErrorMessage(cause, t));
    } finally {
      setSaving(false);
    }
  };

  const field = (
    key: 'groupName' | 'startsOn' | 'endsOn' | 'place',
    type: string,
    required = true,
  ) => (
    <label className="form-field">
      <span className="field-label">{t(`prog.meeting.${key}`)}</span>
      <input
        className="text-input"
        type={type}
        required={required}
        value={draft[key]}
        onChange={(event) => set(key, event.target.value)}
        data-testid={`meeting-${key}`}
      />
    </label>
  );

  return (
    <form className="card" onSubmit={(event) => void onSubmit(event)} data-testid="meeting-form">
      <h2 className="card-title">{t('prog.meeting.new')}</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="prog-form-row">
        {field('groupName', 'text')}
        {field('startsOn', 'date')}
        {field('endsOn', 'date')}
        <label className="form-field">
          <span className="field-label">{t('prog.meeting.modality')}</span>
          <select
            className="text-input"
            value={draft.modality}
            onChange={(event) => set('modality', event.target.value)}
            data-testid="meeting-modality"
          >
            <option value="in_person">{t('prog.modality.in_person')}</option>
            <option value="virtual">{t('prog.modality.virtual')}</option>
          </select>
        </label>
        {field('place', 'text', false)}
      </div>
      <UnitChecklist programmes={programmes} selected={units} onChange={setUnits} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving} data-testid="meeting-submit">
          {saving ? t('form.saving') : t('prog.meeting.create')}
        </button>
        <button type="button" className="button button-outline" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
