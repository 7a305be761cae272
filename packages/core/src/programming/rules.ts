import { isBlankText, visibleLength } from '../text/visible.js';
import type { ProgrammeAction } from './workflow.js';

/**
 * Each line keeps the system's prefilled quantity and the unit's own; the final quantity is the
 * unit's when it gave one. A unit that departs from the prefill must say why (OpenLMIS requisition
 * columns J/W: "W required when J ≠ I", OpenLMIS/openlmis-requisition `RequisitionLineItem.java`;
 * BUQ's verified value with a remark, OpenLMIS/openlmis-buq@7233758e).
 */
export interface LineQuantities {
  readonly resourceCode: string;
  readonly prefillQuantity: number;
  readonly unitQuantity: number | null;
  readonly justification: string | null;
}

/**
 * Shortest justification accepted, in visible characters: a word or two is not a reason a
 * reviewer can check, and neither are spaces or zero-width characters (see `text/visible.ts`).
 */
export const MIN_JUSTIFICATION_LENGTH = 10;

/** True when the justification has too few visible characters to be a reason. */
export function justificationTooShort(justification: string | null): boolean {
  return visibleLength(justification ?? '') < MIN_JUSTIFICATION_LENGTH;
}

export function finalQuantity(line: LineQuantities): number {
  return line.unitQuantity ?? line.prefillQuantity;
}

export function departsFromPrefill(line: LineQuantities): boolean {
  return line.unitQuantity !== null && line.unitQuantity !== line.prefillQuantity;
}

export function justificationMissing(line: LineQuantities): boolean {
  return departsFromPrefill(line) && justificationTooShort(line.justification);
}

export type ObservationStatus = 'open' | 'addressed' | 'resolved';
export const OBSERVATION_CRITICALITIES = ['high', 'medium', 'low'] as const;
export type ObservationCriticality = (typeof OBSERVATION_CRITICALITIES)[number];

export interface TransitionFacts {
  readonly lines: readonly LineQuantities[];
  readonly observations: readonly { readonly id: number; readonly status: ObservationStatus }[];
  readonly note: string | null;
}

export type TransitionProblem =
  | { readonly code: 'justification_missing'; readonly resourceCodes: readonly string[] }
  | { readonly code: 'observations_open'; readonly observationIds: readonly number[] }
  | { readonly code: 'note_required' }
  | { readonly code: 'no_lines' };

/**
 * Why an action cannot be taken yet, beyond status and permission. QAT blocks a final
 * submission while any problem is open (QAT user guide, `docs/user/06-managing-programs-and-versions.md`
 * §B–D); likewise a unit cannot resubmit, nor a reviewer
 * approve, while an observation is still open. Returning a programme needs a note for the unit.
 */
export function transitionProblems(
  action: ProgrammeAction,
  facts: TransitionFacts,
): TransitionProblem[] {
  const problems: TransitionProblem[] = [];
  const open = facts.observations.filter((o) => o.status === 'open').map((o) => o.id);
  if (action === 'submit') {
    if (facts.lines.length === 0) problems.push({ code: 'no_lines' });
    const unjustified = facts.lines.filter(justificationMissing).map((l) => l.resourceCode);
    if (unjustified.length > 0)
      problems.push({ code: 'justification_missing', resourceCodes: unjustified });
    if (open.length > 0) problems.push({ code: 'observations_open', observationIds: open });
  }
  if (action === 'approve' && open.length > 0) {
    problems.push({ code: 'observations_open', observationIds: open });
  }
  if (action === 'return' && isBlankText(facts.note ?? '')) {
    problems.push({ code: 'note_required' });
  }
  return problems;
}
