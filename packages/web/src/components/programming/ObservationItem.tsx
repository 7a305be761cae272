import { useState } from 'react';
import type { Observation } from '@yawar/api';
import type { MutationResult } from '../../hooks/useProgrammingSheet';
import { useFormatDateTime, useT } from '../../i18n/I18nProvider';
import { programmingErrorMessage } from './problemMessages';

/** One observation: what CENARES asked, what the unit answered, and where it stands. */
export function ObservationItem({
  observation,
  lineName,
  canAddress,
  canResolve,
  onAddress,
  onResolve,
}: {
  observation: Observation;
  lineName: string;
  canAddress: boolean;
  canResolve: boolean;
  onAddress: (response: string) => Promise<MutationResult>;
  onResolve: () => Promise<MutationResult>;
}) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const [answering, setAnswering] = useState(false);
  const [response, setResponse] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const run = async (action: () => Promise<MutationResult>) => {
    setSaving(true);
    setError(null);
    const result = await action();
    setSaving(false);
    if (result.ok) setAnswering(false);
    else setError(programmingErrorMessage(result.error, t));
  };

  return (
    <li
      className={`prog-observation prog-observation-${observation.status}`}
      data-testid="observation"
      data-observation-id={observation.id}
      data-status={observation.status}
      data-resource-code={observation.resourceCode ?? ''}
    >
      <div className="prog-observation-head">
        <span className={`prog-criticality prog-criticality-${observation.criticality}`}>
          {t(`prog.criticality.${observation.criticality}`)}
        </span>
        <span className="cell-main">{lineName}</span>
        <span className="pill" data-testid="observation-status">
          {t(`prog.obsStatus.${observation.status}`)}
        </span>
      </div>
      <p className="prog-observation-note">{observation.note}</p>
      {observation.response && (
        <p className="prog-observation-response" data-testid="observation-response">
          <strong>{t('prog.obs.response')}</strong> {observation.response}
        </p>
      )}
      <p className="fine-print">
        {t('prog.obs.meta', {
          by: observation.createdBy,
          at: formatDateTime(observation.createdAt),
          version: observation.programmeVersion,
        })}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="prog-observation-actions">
        {canAddress && !answering && (
          <button
            type="button"
            className="button button-small"
            onClick={() => setAnswering(true)}
            data-testid="observation-address"
          >
            {t('prog.obs.address')}
          </button>
        )}
        {canResolve && (
          <button
            type="button"
            className="button button-small button-outline"
            disabled={saving}
            onClick={() => void run(onResolve)}
            data-testid="observation-resolve"
          >
            {t('prog.obs.resolve')}
          </button>
        )}
      </div>
      {answering && (
        <form
          className="prog-observation-answer"
          onSubmit={(event) => {
            event.preventDefault();
            if (response.trim() !== '') void run(() => onAddress(response.trim()));
          }}
        >
          <label className="form-field">
            <span className="field-label">{t('prog.obs.responseLabel')}</span>
            <textarea
              className="text-input"
              rows={2}
              required
              value={response}
              onChange={(event) => setResponse(event.target.value)}
              data-testid="observation-response-input"
            />
          </label>
          <div className="form-actions">
            <button
              type="submit"
              className="button button-small"
              disabled={saving || response.trim() === ''}
              data-testid="observation-address-submit"
            >
              {t('prog.obs.markAddressed')}
            </button>
            <button
              type="button"
              className="button button-small button-outline"
              onClick={() => setAnswering(false)}
            >
              {t('form.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
