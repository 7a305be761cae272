import type { ProgrammeLine } from '@yawar/api';
import type { ForecastMethod } from '@yawar/core';
import {
  draftOf,
  draftPacks,
  draftProblem,
  FORECAST_METHODS,
  parseQuantity,
  type LineDraft,
} from '../../domain/programming';
import { findStep, stepTooltip, type StepKey } from '../../domain/programmingExplain';
import { useProgrammingFormat } from '../../hooks/useProgrammingFormat';
import { useT } from '../../i18n/I18nProvider';
import { Explained } from '../surveillance/Explained';
import { HistoryCells } from './HistoryCells';
import { Simulated } from './Simulated';

export type SaveState = { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

export interface SheetLineRowProps {
  line: ProgrammeLine;
  months: readonly string[];
  /** Unsaved edits of this line, or undefined when the line is as saved. */
  draft: LineDraft | undefined;
  editable: boolean;
  busy: boolean;
  saveState: SaveState | undefined;
  openObservations: number;
  expanded: boolean;
  onDraft: (draft: LineDraft) => void;
  onSave: () => void;
  onMethod: (method: ForecastMethod) => void;
  onToggle: () => void;
  onOpenIntervention: () => void;
}

/**
 * One product of the sheet: the unit's own quantity first (editable, in view on a laptop without
 * scrolling the table), then the computation and the history it came from.
 */
export function SheetLineRow(props: SheetLineRowProps) {
  const { line, draft, editable, busy, saveState, expanded } = props;
  const t = useT();
  const format = useProgrammingFormat();
  const current = draft ?? draftOf(line);
  const problem = draftProblem(line, current);
  const typed = parseQuantity(current.quantity);
  const departs = typed !== null && typed !== undefined && typed !== line.prefillQuantity;
  const packs = draft ? draftPacks(line, current) : line.finalPacks;
  const finalQuantity = typed === undefined ? null : (typed ?? line.prefillQuantity);
  const cost = draft
    ? finalQuantity !== null && line.unitPrice !== null
      ? finalQuantity * line.unitPrice
      : null
    : line.finalCost;
  const labels = {
    source: (s: string) => t('prog.explain.source', { source: s }),
    value: format.exact,
  };
  const computed = (key: StepKey, value: number, testId?: string) => (
    <td className="num">
      <Explained title={stepTooltip(findStep(line, key), labels)} testId={testId}>
        {format.qty(value)}
      </Explained>
    </td>
  );
  const code = line.resourceCode;
  const justificationId = `justification-${code}`;
  const errorId = `line-error-${code}`;

  return (
    <tr
      data-testid="sheet-line"
      data-resource-code={code}
      className={draft ? 'prog-line is-dirty' : 'prog-line'}
    >
      <th scope="row" className="prog-product">
        <span className="cell-main">{line.resourceName}</span>
        <span className="cell-sub">
          <span className="mono">{code}</span>
          {t('prog.sheet.pack', { size: format.qty(line.packSize), unit: line.dispensingUnit })}
        </span>
        {props.openObservations > 0 && (
          <span className="pill pill-warn" data-testid="line-open-observations">
            {t('prog.sheet.openObservations', { n: props.openObservations })}
          </span>
        )}
        {line.stale && (
          <span className="pill pill-warn" title={t('prog.sheet.staleHint')}>
            {t('prog.sheet.stale')}
          </span>
        )}
      </th>
      <td className="num">
        {editable ? (
          <input
            className="text-input prog-quantity"
            inputMode="numeric"
            aria-label={t('prog.sheet.quantityFor', { product: line.resourceName })}
            aria-describedby={problem ? errorId : undefined}
            aria-invalid={problem === 'quantity_invalid' || problem === 'quantity_packs'}
            placeholder={format.qty(line.prefillQuantity)}
            value={current.quantity}
            onChange={(event) => props.onDraft({ ...current, quantity: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && draft && !busy) props.onSave();
            }}
            data-testid="line-quantity"
          />
        ) : (
          <span data-testid="line-final">{format.qty(line.finalQuantity)}</span>
        )}
      </td>
      <td className="num">
        <Explained
          title={t('prog.explain.packs', {
            quantity: finalQuantity === null ? '—' : format.qty(finalQuantity),
            size: format.qty(line.packSize),
            packs: format.qty(packs),
          })}
          testId="line-packs"
        >
          {format.qty(packs)}
        </Explained>
      </td>
      <td className="num nowrap">
        <Explained
          title={t('prog.explain.cost', {
            quantity: finalQuantity === null ? '—' : format.qty(finalQuantity),
            price: line.unitPrice === null ? '—' : format.exact(line.unitPrice, 4),
            cost: format.soles(cost),
          })}
          testId="line-cost"
        >
          {format.soles(cost)}
        </Explained>
        {line.priceSimulated && line.unitPrice !== null && <Simulated what="price" />}
      </td>
      <td className="prog-justification">
        {editable && (departs || current.justification !== '') ? (
          <textarea
            id={justificationId}
            className="text-input"
            rows={2}
            aria-label={t('prog.sheet.justificationFor', { product: line.resourceName })}
            aria-invalid={problem === 'justification_missing'}
            aria-describedby={problem ? errorId : undefined}
            value={current.justification}
            onChange={(event) => props.onDraft({ ...current, justification: event.target.value })}
            data-testid="line-justification"
          />
        ) : (
          <span className={line.justification ? undefined : 'muted'}>
            {line.justification ?? '—'}
          </span>
        )}
        {problem && (editable || line.justificationMissing) && (
          <span className="prog-line-error" id={errorId} data-testid="line-problem">
            {problem === 'quantity_packs'
              ? t('prog.sheet.problem.quantity_packs', packHint(line, typed ?? 0, format.qty))
              : t(`prog.sheet.problem.${problem}`)}
          </span>
        )}
      </td>
      <td className="row-actions">
        {editable && draft && (
          <button
            type="button"
            className="button button-small"
            disabled={busy || problem === 'quantity_invalid' || problem === 'quantity_packs'}
            onClick={props.onSave}
            data-testid="line-save"
          >
            {t('form.save')}
          </button>
        )}
        {saveState && (
          <SaveStatus
            state={saveState}
            incomplete={problem !== null || (!draft && line.justificationMissing)}
          />
        )}
        <button
          type="button"
          className="link-button"
          aria-expanded={expanded}
          aria-controls={`explain-${code}`}
          onClick={props.onToggle}
          data-testid="line-explain-toggle"
        >
          {t('prog.sheet.how')}
        </button>
      </td>
      {computed('cpma', line.computation.cpma, 'line-cpma')}
      <td>
        {editable ? (
          <select
            className="text-input prog-method"
            aria-label={t('prog.sheet.methodFor', { product: line.resourceName })}
            value={line.method}
            disabled={busy}
            onChange={(event) => props.onMethod(event.target.value as ForecastMethod)}
            data-testid="line-method"
          >
            {FORECAST_METHODS.map((method) => (
              <option key={method} value={method}>
                {t(`prog.method.${method}`)}
              </option>
            ))}
          </select>
        ) : (
          <span data-testid="line-method">{t(`prog.method.${line.method}`)}</span>
        )}
        {line.computation.method !== line.method && (
          <span className="cell-sub warning-text" title={line.computation.warnings.join('\n')}>
            {t('prog.sheet.fellBack', { method: t(`prog.method.${line.computation.method}`) })}
          </span>
        )}
        {line.method === 'intervention' && (
          <button
            type="button"
            className="link-button cell-sub"
            onClick={props.onOpenIntervention}
            data-testid="line-intervention-link"
          >
            {t('prog.tree.link')}
          </button>
        )}
      </td>
      {computed('demand', line.computation.demand)}
      {computed('safety_stock', line.computation.safetyStock)}
      {computed('stock_available', line.computation.stockAvailable)}
      {computed('in_transit', line.computation.inTransit)}
      {computed('quantity', line.prefillQuantity, 'line-prefill')}
      <HistoryCells line={line} months={props.months} />
    </tr>
  );
}

/** "multiple of 25: e.g. 100 or 125" — the whole-pack quantities either side of what was typed. */
function packHint(line: ProgrammeLine, typed: number, qty: (value: number) => string) {
  const lower = Math.floor(typed / line.packSize) * line.packSize;
  return { size: qty(line.packSize), lower: qty(lower), upper: qty(lower + line.packSize) };
}

/**
 * "Guardado" only for a line that is saved and valid: one kept with a departing quantity but no
 * justification is not ready, and says so instead (issue #10: "Guardado" beside "justifíquela").
 */
function SaveStatus({ state, incomplete }: { state: SaveState; incomplete: boolean }) {
  const t = useT();
  if (state.kind === 'saving') return <span className="cell-sub">{t('form.saving')}</span>;
  if (state.kind === 'saved' && incomplete) {
    return (
      <span className="prog-line-error" data-testid="line-incomplete">
        {t('prog.sheet.savedIncomplete')}
      </span>
    );
  }
  if (state.kind === 'saved') {
    return (
      <span className="cell-sub prog-saved" data-testid="line-saved">
        {t('prog.sheet.saved')}
      </span>
    );
  }
  return (
    <span className="prog-line-error" data-testid="line-save-error">
      {state.message}
    </span>
  );
}
