import { useState, type FormEvent } from 'react';
import type { ProgrammeLine } from '@yawar/api';
import { OBSERVATION_CRITICALITIES, type ObservationCriticality } from '@yawar/core';
import type { MutationResult } from '../../hooks/useProgrammingSheet';
import { useT } from '../../i18n/I18nProvider';
import { programmingErrorMessage } from './problemMessages';

/** CENARES' feedback on one line (or the whole programme), QAT-style: criticality and a note. */
export function ObservationForm({
  lines,
  onAdd,
}: {
  lines: readonly ProgrammeLine[];
  onAdd: (
    resourceCode: string | null,
    criticality: ObservationCriticality,
    note: string,
  ) => Promise<MutationResult>;
}) {
  const t = useT();
  const [resourceCode, setResourceCode] = useState('');
  const [criticality, setCriticality] = useState<ObservationCriticality>('medium');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === '') return;
    setSaving(true);
    setError(null);
    const result = await onAdd(resourceCode === '' ? null : resourceCode, criticality, note.trim());
    setSaving(false);
    if (result.ok) setNote('');
    else setError(programmingErrorMessage(result.error, t));
  };

  return (
    <form
      className="prog-observation-form"
      onSubmit={(event) => void onSubmit(event)}
      data-testid="observation-form"
      aria-labelledby="observation-form-title"
    >
      <h3 id="observation-form-title" className="field-label">
        {t('prog.obs.add')}
      </h3>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="prog-form-row">
        <label className="form-field">
          <span className="field-label">{t('prog.obs.line')}</span>
          <select
            className="text-input"
            value={resourceCode}
            onChange={(event) => setResourceCode(event.target.value)}
            data-testid="observation-line"
          >
            <option value="">{t('prog.obs.general')}</option>
            {lines.map((line) => (
              <option key={line.resourceCode} value={line.resourceCode}>
                {`${line.resourceName} (${line.resourceCode})`}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span className="field-label">{t('prog.obs.criticality')}</span>
          <select
            className="text-input"
            value={criticality}
            onChange={(event) => setCriticality(event.target.value as ObservationCriticality)}
            data-testid="observation-criticality"
          >
            {OBSERVATION_CRITICALITIES.map((value) => (
              <option key={value} value={value}>
                {t(`prog.criticality.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="form-field">
        <span className="field-label">{t('prog.obs.note')}</span>
        <textarea
          className="text-input"
          rows={3}
          required
          value={note}
          onChange={(event) => setNote(event.target.value)}
          data-testid="observation-note"
        />
      </label>
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          disabled={saving || note.trim() === ''}
          data-testid="observation-submit"
        >
          {saving ? t('form.saving') : t('prog.obs.submit')}
        </button>
      </div>
    </form>
  );
}
