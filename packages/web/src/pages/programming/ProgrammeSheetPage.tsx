import { useState } from 'react';
import { programmingApi } from '../../api/programmingClient';
import type { ProgrammeSheet } from '@yawar/api';
import type { ForecastMethod, ProgrammeAction } from '@yawar/core';
import { ForbiddenState, NotFoundState } from '../../components/ForbiddenState';
import { PageLayout } from '../../components/PageLayout';
import { ActionsBar } from '../../components/programming/ActionsBar';
import { EventsHistory } from '../../components/programming/EventsHistory';
import { InterventionSection } from '../../components/programming/InterventionSection';
import { ObservationsPanel } from '../../components/programming/ObservationsPanel';
import { programmingErrorMessage } from '../../components/programming/problemMessages';
import { RequirePermission } from '../../components/programming/RequirePermission';
import { SheetFiles } from '../../components/programming/SheetFiles';
import { SheetHeader } from '../../components/programming/SheetHeader';
import type { SaveState } from '../../components/programming/SheetLineRow';
import { SheetTable } from '../../components/programming/SheetTable';
import { ErrorState, LoadingState } from '../../components/StatusMessage';
import {
  draftOf,
  draftProblem,
  linesMissingJustification,
  parseId,
  parseQuantity,
  sameDraft,
  type LineDraft,
} from '../../domain/programming';
import { useProgrammingSheet, type MutationResult } from '../../hooks/useProgrammingSheet';
import { useT } from '../../i18n/I18nProvider';

export function ProgrammeSheetPage({ id }: { id: string }) {
  const t = useT();
  const parsed = parseId(id);
  return (
    <PageLayout title={t('prog.sheet.title')}>
      <RequirePermission permission="programming:read">
        {parsed === null ? (
          <NotFoundState detail={t('prog.sheet.notFound', { id })} />
        ) : (
          <Sheet id={parsed} />
        )}
      </RequirePermission>
    </PageLayout>
  );
}

function Sheet({ id }: { id: number }) {
  const t = useT();
  const { state, reload, mutate, conflict, dismissConflict } = useProgrammingSheet(id);
  return (
    <div className="page-content page-content-wide prog-page" data-testid="programme-sheet">
      {conflict && (
        <div className="warning prog-conflict" role="alert" data-testid="sheet-conflict">
          <p>{t('prog.sheet.conflict')}</p>
          <button type="button" className="link-button" onClick={dismissConflict}>
            {t('prog.close')}
          </button>
        </div>
      )}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'forbidden' && <ForbiddenState title="forbidden.page" />}
      {state.status === 'not_found' && (
        <NotFoundState detail={t('prog.sheet.notFound', { id: String(id) })} />
      )}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ready' && <SheetView sheet={state.data} mutate={mutate} />}
    </div>
  );
}

function SheetView({
  sheet,
  mutate,
}: {
  sheet: ProgrammeSheet;
  mutate: (run: () => Promise<ProgrammeSheet>) => Promise<MutationResult>;
}) {
  const t = useT();
  const [drafts, setDrafts] = useState<Record<string, LineDraft>>({});
  const [saveStates, setSaveStates] = useState<Record<string, SaveState>>({});
  const [busy, setBusy] = useState(false);
  const [live, setLive] = useState('');
  const [treeOpen, setTreeOpen] = useState(false);
  const [treeFocus, setTreeFocus] = useState(0);
  const id = sheet.programme.id;
  const version = sheet.programme.version;
  const lineOf = (code: string) => sheet.lines.find((line) => line.resourceCode === code);
  const nameOf = (code: string) => lineOf(code)?.resourceName ?? code;

  /** One change at a time: each answers with the new version the next one must carry. */
  const run = async (change: () => Promise<ProgrammeSheet>) => {
    setBusy(true);
    const result = await mutate(change);
    setBusy(false);
    return result;
  };

  const setDraft = (code: string, draft: LineDraft) => {
    const line = lineOf(code);
    setDrafts((previous) => {
      const next = { ...previous };
      if (line && sameDraft(draft, draftOf(line))) delete next[code];
      else next[code] = draft;
      return next;
    });
    setSaveStates(({ [code]: _dropped, ...rest }) => rest);
  };

  const saveLine = async (code: string, method?: ForecastMethod) => {
    const line = lineOf(code);
    if (!line) return;
    const draft = method ? undefined : drafts[code];
    const quantity = draft ? parseQuantity(draft.quantity) : line.unitQuantity;
    if (quantity === undefined) return;
    const justification = draft ? draft.justification.trim() : (line.justification ?? '');
    setSaveStates((previous) => ({ ...previous, [code]: { kind: 'saving' } }));
    setLive(t('prog.sheet.savingLine', { product: line.resourceName }));
    const result = await run(() =>
      programmingApi.updateLine(id, code, {
        version,
        unitQuantity: quantity,
        justification: justification === '' ? null : justification,
        method: method ?? line.method,
      }),
    );
    if (result.ok) {
      if (draft) setDrafts(({ [code]: _saved, ...rest }) => rest);
      setSaveStates((previous) => ({ ...previous, [code]: { kind: 'saved' } }));
      const incomplete = draft ? draftProblem(line, draft) !== null : line.justificationMissing;
      setLive(
        t(incomplete ? 'prog.sheet.savedLineIncomplete' : 'prog.sheet.savedLine', {
          product: line.resourceName,
        }),
      );
    } else {
      const message = programmingErrorMessage(result.error, t);
      setSaveStates((previous) => ({ ...previous, [code]: { kind: 'error', message } }));
      setLive(message);
    }
  };

  const blockers = (action: ProgrammeAction): string[] => {
    if (action !== 'submit') return [];
    const problems: string[] = [];
    const unsaved = Object.keys(drafts);
    if (unsaved.length > 0) {
      problems.push(t('prog.problem.unsaved', { lines: unsaved.map(nameOf).join('; ') }));
    }
    const missing = linesMissingJustification(sheet.lines, drafts);
    if (missing.length > 0) {
      problems.push(
        t('prog.problem.justification_missing', {
          lines: missing.map((line) => `${line.resourceName} (${line.resourceCode})`).join('; '),
        }),
      );
    }
    return problems;
  };

  /** A line's "Ver árbol de intervención": open the section and bring it into view. */
  const openTree = () => {
    setTreeOpen(true);
    setTreeFocus((n) => n + 1);
  };

  const hasDrafts = Object.keys(drafts).length > 0;
  return (
    <>
      <SheetHeader sheet={sheet} />
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="sheet-live">
        {live}
      </p>
      <ActionsBar
        sheet={sheet}
        blockers={blockers}
        onTransition={(action, note) =>
          run(() => programmingApi.transition(id, action, { version, note }))
        }
      />
      <section className="card card-flush" aria-labelledby="sheet-title">
        <div className="card-header prog-sheet-head">
          <div>
            <h2 id="sheet-title" className="card-title">
              {t('prog.sheet.tableTitle')}
            </h2>
            <p className="fine-print">
              {sheet.editable ? t('prog.sheet.editHint') : t('prog.sheet.readOnlyHint')}
            </p>
          </div>
          <SheetFiles
            sheet={sheet}
            hasDrafts={hasDrafts}
            onImport={(file) => run(() => programmingApi.importSheet(id, version, file))}
          />
        </div>
        <SheetTable
          sheet={sheet}
          drafts={drafts}
          saveStates={saveStates}
          busy={busy}
          onDraft={setDraft}
          onSave={(code) => void saveLine(code)}
          onMethod={(code, method) => void saveLine(code, method)}
          onOpenIntervention={openTree}
        />
      </section>
      <InterventionSection
        sheet={sheet}
        open={treeOpen}
        onToggle={() => setTreeOpen((open) => !open)}
        focusRequest={treeFocus}
      />
      <ObservationsPanel
        sheet={sheet}
        onAdd={(resourceCode, criticality, note) =>
          run(() => programmingApi.addObservation(id, { version, resourceCode, criticality, note }))
        }
        onAddress={(observationId, response) =>
          run(() => programmingApi.addressObservation(observationId, version, response))
        }
        onResolve={(observationId) =>
          run(() => programmingApi.resolveObservation(observationId, version))
        }
      />
      <EventsHistory events={sheet.events} />
    </>
  );
}
