import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { authApi } from '../api/authClient';
import type { EstablishmentFeature } from '@yawar/api';
import { useAuth } from '../auth/AuthProvider';
import { apiErrorMessage, isUnauthenticated } from '../i18n/apiErrorMessage';
import { useT } from '../i18n/I18nProvider';

type Choice = 'yes' | 'no' | 'auto';
const VALUES: Record<Choice, boolean | null> = { yes: true, no: false, auto: null };

/**
 * Records a laboratory exception (the category rule says one thing, reality another), or removes it
 * ("auto" = back to the rule). The reason is mandatory for an exception because it ends up in the
 * audit trail and in the details panel for everybody else.
 */
export function LaboratoryEditor({
  establishment,
  onSaved,
}: {
  establishment: EstablishmentFeature;
  onSaved: (feature: EstablishmentFeature) => void;
}) {
  const t = useT();
  const { user, sessionExpired } = useAuth();
  const p = establishment.properties;
  const [choice, setChoice] = useState<Choice>(
    p.laboratorySource === 'override' ? (p.hasLaboratory ? 'yes' : 'no') : 'auto',
  );
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const needsReason = choice !== 'auto';
  const resultRef = useRef<HTMLParagraphElement>(null);

  // The form sits at the bottom of a scrolling panel: bring the outcome into view.
  useEffect(() => {
    resultRef.current?.scrollIntoView({ block: 'nearest' });
  }, [result]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (needsReason && !reason.trim()) {
      setResult({ ok: false, message: t('lab.reasonRequired') });
      return;
    }
    setSaving(true);
    setResult(null);
    try {
      const updated = await authApi.setLaboratory(p.code, VALUES[choice], reason.trim());
      onSaved(updated);
      setReason('');
      setResult({
        ok: true,
        message: t('lab.saved', {
          value: updated.properties.hasLaboratory ? t('details.lab.yes') : t('details.lab.no'),
          source: t(`details.lab.${updated.properties.laboratorySource}`),
        }),
      });
    } catch (cause) {
      if (isUnauthenticated(cause)) sessionExpired();
      const code = cause instanceof ApiError ? cause.code : null;
      setResult({
        ok: false,
        message:
          code === 'forbidden'
            ? t('lab.outOfScope', { scope: user?.scope.label ?? '' })
            : code === 'reason_required'
              ? t('lab.reasonRequired')
              : apiErrorMessage(cause, t),
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="lab-editor"
      onSubmit={(event) => void onSubmit(event)}
      data-testid="lab-editor"
    >
      <fieldset className="field">
        <legend className="field-label">{t('lab.title')}</legend>
        <div className="segmented" role="radiogroup">
          {(['yes', 'no', 'auto'] as const).map((value) => (
            <label key={value} className="segmented-option">
              <input
                type="radio"
                name={`lab-${p.code}`}
                value={value}
                checked={choice === value}
                onChange={() => setChoice(value)}
                data-testid={`lab-choice-${value}`}
              />
              <span>{t(`lab.choice.${value}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="form-field">
        <span className="field-label">
          {t('lab.reason')}
          {!needsReason && <span className="muted"> ({t('lab.optional')})</span>}
        </span>
        <textarea
          className="text-input"
          rows={2}
          maxLength={500}
          required={needsReason}
          placeholder={t('lab.reasonPlaceholder')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          data-testid="lab-reason"
        />
      </label>
      <button
        type="submit"
        className="button button-small"
        disabled={saving}
        data-testid="lab-save"
      >
        {saving ? t('form.saving') : t('form.save')}
      </button>
      {result && (
        <p
          ref={resultRef}
          className={result.ok ? 'form-success' : 'form-error'}
          role={result.ok ? 'status' : 'alert'}
          data-testid="lab-result"
        >
          {result.message}
        </p>
      )}
    </form>
  );
}
