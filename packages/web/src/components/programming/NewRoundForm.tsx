import { useState, type FormEvent } from 'react';
import { programmingApi } from '../../api/programmingClient';
import type { RoundSummary } from '@yawar/api';
import { newRoundDefaults, toNewRound, type RoundDraft } from '../../domain/programmingRound';
import { apiErrorMessage, isUnauthenticated } from '../../i18n/apiErrorMessage';
import { useT } from '../../i18n/I18nProvider';
import { useAuth } from '../../auth/AuthProvider';
import { RoundParametersFields } from './RoundParametersFields';

/** CENARES opens a round: its calendar, its periods and the computation parameters. */
export function NewRoundForm({
  onCreated,
  onCancel,
}: {
  onCreated: (round: RoundSummary) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { sessionExpired } = useAuth();
  const [draft, setDraft] = useState<RoundDraft>(() => newRoundDefaults());
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof RoundDraft>(key: K, value: RoundDraft[K]) =>
    setDraft((previous) => ({ ...previous, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = toNewRound(draft);
    if ('problem' in checked) {
      setError(t(`prog.round.problem.${checked.problem}`));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onCreated(await programmingApi.createRound(checked.round));
    } catch (cause) {
      if (isUnauthenticated(cause)) sessionExpired();
      else setError(apiErrorMessage(cause, t));
    } finally {
      setSaving(false);
    }
  };

  const text = (
    key: 'name' | 'opensOn' | 'closesOn' | 'horizonStart' | 'historyEnd',
    type: string,
  ) => (
    <label className="form-field">
      <span className="field-label">{t(`prog.round.${key}`)}</span>
      <input
        className="text-input"
        type={type}
        required
        placeholder={type === 'month' ? 'AAAA-MM' : undefined}
        pattern={type === 'month' ? '\\d{4}-\\d{2}' : undefined}
        value={draft[key]}
        onChange={(event) => set(key, event.target.value)}
        data-testid={`round-${key}`}
      />
    </label>
  );

  return (
    <form
      className="card prog-round-form"
      onSubmit={(event) => void onSubmit(event)}
      data-testid="new-round-form"
      aria-labelledby="new-round-title"
    >
      <h2 id="new-round-title" className="card-title">
        {t('prog.round.new')}
      </h2>
      {error && (
        <p className="form-error" role="alert" data-testid="new-round-error">
          {error}
        </p>
      )}
      <div className="prog-form-row">
        {text('name', 'text')}
        <label className="form-field">
          <span className="field-label">{t('prog.round.fiscalYear')}</span>
          <input
            className="text-input"
            type="number"
            required
            min={2000}
            max={2100}
            value={draft.fiscalYear}
            onChange={(event) => set('fiscalYear', event.target.value)}
            data-testid="round-fiscalYear"
          />
        </label>
        {text('opensOn', 'date')}
        {text('closesOn', 'date')}
      </div>
      <div className="prog-form-row">
        {text('historyEnd', 'month')}
        {text('horizonStart', 'month')}
        <label className="prog-check">
          <input
            type="checkbox"
            checked={draft.regionalReview}
            onChange={(event) => set('regionalReview', event.target.checked)}
            data-testid="round-regionalReview"
          />
          <span>
            {t('prog.round.regionalReview')}
            <span className="field-hint">{t('prog.round.regionalReviewHint')}</span>
          </span>
        </label>
      </div>
      <RoundParametersFields
        value={draft.parameters}
        onChange={(parameters) => set('parameters', parameters)}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving} data-testid="new-round-submit">
          {saving ? t('form.saving') : t('prog.round.create')}
        </button>
        <button type="button" className="button button-outline" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
