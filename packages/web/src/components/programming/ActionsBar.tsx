import { useState } from 'react';
import type { ProgrammeSheet } from '@yawar/api';
import type { ProgrammeAction } from '@yawar/core';
import type { MutationResult } from '../../hooks/useProgrammingSheet';
import { useT } from '../../i18n/I18nProvider';
import { problemMessage, programmingErrorMessage, transitionProblems } from './problemMessages';

/**
 * The workflow actions the caller may take now (the server's `availableActions`), each confirmed
 * first. Returning needs a note for the unit; the others take an optional one. A refusal lists
 * every reason (lines without justification, observations still open) so it can be fixed at once.
 */
export function ActionsBar({
  sheet,
  blockers,
  onTransition,
}: {
  sheet: ProgrammeSheet;
  /** Why the browser will not send a submission yet (unsaved or unjustified lines). */
  blockers: (action: ProgrammeAction) => string[];
  onTransition: (action: ProgrammeAction, note: string | null) => Promise<MutationResult>;
}) {
  const t = useT();
  const [pending, setPending] = useState<ProgrammeAction | null>(null);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const open = (action: ProgrammeAction) => {
    setDone(null);
    const blocked = blockers(action);
    setProblems(blocked);
    if (blocked.length > 0) {
      setPending(null);
      return;
    }
    setPending(action);
    setNote('');
  };

  const confirm = async () => {
    if (!pending) return;
    if (pending === 'return' && note.trim() === '') {
      setProblems([t('prog.problem.note_required')]);
      return;
    }
    setSending(true);
    setProblems([]);
    const result = await onTransition(pending, note.trim() === '' ? null : note.trim());
    setSending(false);
    if (result.ok) {
      setDone(t(`prog.action.done.${pending}`));
      setPending(null);
      return;
    }
    const refused = transitionProblems(result.error);
    setProblems(
      refused
        ? refused.map((problem) => problemMessage(problem, sheet, t))
        : [programmingErrorMessage(result.error, t)],
    );
  };

  if (sheet.availableActions.length === 0 && !done) return null;
  return (
    <section
      className="card prog-actions"
      aria-labelledby="actions-title"
      data-testid="sheet-actions"
    >
      <h2 id="actions-title" className="visually-hidden">
        {t('prog.action.title')}
      </h2>
      <div className="prog-actions-buttons">
        {sheet.availableActions.map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'return' ? 'button button-outline' : 'button'}
            aria-expanded={pending === action}
            disabled={sending}
            onClick={() => open(action)}
            data-testid={`action-${action}`}
          >
            {t(`prog.action.${action}`)}
          </button>
        ))}
        <p
          className="prog-action-status"
          role="status"
          aria-live="polite"
          data-testid="action-status"
        >
          {done}
        </p>
      </div>
      {problems.length > 0 && (
        <div className="form-error" role="alert" data-testid="action-problems">
          <p>{t('prog.action.blocked')}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem} data-testid="action-problem">
                {problem}
              </li>
            ))}
          </ul>
        </div>
      )}
      {pending && (
        <div className="prog-confirm" data-testid="action-confirm">
          <p>{t(`prog.action.confirm.${pending}`, { unit: sheet.programme.unit.name })}</p>
          <label className="form-field">
            <span className="field-label">
              {pending === 'return' ? t('prog.action.noteRequired') : t('prog.action.note')}
            </span>
            <textarea
              className="text-input"
              rows={3}
              required={pending === 'return'}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              data-testid="action-note"
            />
          </label>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={sending}
              onClick={() => void confirm()}
              data-testid="action-confirm-button"
            >
              {sending ? t('prog.action.sending') : t(`prog.action.${pending}`)}
            </button>
            <button
              type="button"
              className="button button-outline"
              disabled={sending}
              onClick={() => setPending(null)}
            >
              {t('form.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
