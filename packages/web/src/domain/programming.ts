// Pure helpers of the programming pages: statuses in workflow order, the unit's draft of a line
// (quantity typed as text, justification), the checks the browser repeats before sending, and the
// defaults of a new round. The server checks everything again; these only spare a round trip.
import {
  DEFAULT_INTERVENTION_PARAMETERS,
  DEFAULT_PROGRAMMING_PARAMETERS,
  justificationTooShort,
  packsFor,
} from '@yawar/core';
import type { ProgrammeLine, ProgrammingParameters } from '@yawar/api';

// The workflow's states, the methods and the justification rule are the core's, as on the server.
export {
  FORECAST_METHODS,
  justificationTooShort,
  MIN_JUSTIFICATION_LENGTH,
  PROGRAMME_STATUSES,
} from '@yawar/core';

/**
 * Whole packs a quantity comes to, rounded up as orders are (the core's `packsFor`, which forgives
 * a float's last bit: 300.0000000001 units of 100 are 3 packs, not 4). A line without a pack size
 * is counted in units.
 */
export function packsOf(quantity: number, packSize: number): number {
  return packSize > 0 ? packsFor(quantity, packSize) : quantity;
}

/** What the unit has typed on a line and not yet saved. */
export interface LineDraft {
  /** As typed; '' keeps the prefill. */
  quantity: string;
  justification: string;
}

export function draftOf(line: ProgrammeLine): LineDraft {
  return {
    quantity: line.unitQuantity === null ? '' : String(line.unitQuantity),
    justification: line.justification ?? '',
  };
}

export function sameDraft(a: LineDraft, b: LineDraft): boolean {
  return (
    a.quantity.trim() === b.quantity.trim() && a.justification.trim() === b.justification.trim()
  );
}

/**
 * A whole number of dispensing units, as typed in Peru ("1,200" or "1200"); a dot is taken as a
 * thousands separator only in groups of three ("1.200"), anything else is refused rather than
 * guessed. '' is null (keep the prefill); undefined means "not a quantity".
 */
export function parseQuantity(text: string): number | null | undefined {
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (compact === '') return null;
  const digits = /^\d{1,3}([.,]\d{3})+$/.test(compact) ? compact.replace(/[.,]/g, '') : compact;
  if (!/^\d+$/.test(digits)) return undefined;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : undefined;
}

export type DraftProblem = 'quantity_invalid' | 'quantity_packs' | 'justification_missing';

/** Why a draft cannot be saved as it is, or why it would block the submission. */
export function draftProblem(line: ProgrammeLine, draft: LineDraft): DraftProblem | null {
  const quantity = parseQuantity(draft.quantity);
  if (quantity === undefined) return 'quantity_invalid';
  // The server keeps quantities in whole packs (400 invalid_quantity otherwise).
  if (quantity !== null && line.packSize > 0 && quantity % line.packSize !== 0) {
    return 'quantity_packs';
  }
  const departs = quantity !== null && quantity !== line.prefillQuantity;
  if (departs && justificationTooShort(draft.justification)) {
    return 'justification_missing';
  }
  return null;
}

/** Packs the typed quantity comes to (rounded up, as orders are); null while not a number. */
export function draftPacks(line: ProgrammeLine, draft: LineDraft): number | null {
  const quantity = parseQuantity(draft.quantity);
  if (quantity === undefined) return null;
  return packsOf(quantity ?? line.prefillQuantity, line.packSize);
}

/** The lines a submission would be refused for: the server's flag, or the draft on screen. */
export function linesMissingJustification(
  lines: readonly ProgrammeLine[],
  drafts: Readonly<Record<string, LineDraft>>,
): ProgrammeLine[] {
  return lines.filter((line) => {
    const draft = drafts[line.resourceCode];
    return draft
      ? draftProblem(line, draft) === 'justification_missing'
      : line.justificationMissing;
  });
}

/** A new round's defaults: the core's, as the server fills them. */
export const DEFAULT_PARAMETERS: ProgrammingParameters &
  Required<Pick<ProgrammingParameters, 'intervention'>> = {
  ...DEFAULT_PROGRAMMING_PARAMETERS,
  holtWinters: { ...DEFAULT_PROGRAMMING_PARAMETERS.holtWinters },
  intervention: { ...DEFAULT_INTERVENTION_PARAMETERS },
};

/** `YYYY-MM` → a short month for column headers ("ene 2026"), in the reader's language. */
export function monthLabel(month: string, locale: string): string {
  const [year, number] = month.split('-').map(Number);
  if (!year || !number) return month;
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, number - 1, 1)));
}

/** Reads a `?ronda=` parameter; null when absent or not a positive id. */
export function readRoundParam(search: string): number | null {
  const value = Number(new URLSearchParams(search).get('ronda'));
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** A positive integer route id, or null (the page then shows "not found"). */
export function parseId(text: string): number | null {
  if (!/^\d{1,9}$/.test(text)) return null;
  const value = Number(text);
  return value > 0 ? value : null;
}

/** The 25 departments of Peru by INEI ubigeo, for naming departments in pickers. */
export const DEPARTMENT_NAMES: Readonly<Record<string, string>> = {
  '01': 'Amazonas',
  '02': 'Áncash',
  '03': 'Apurímac',
  '04': 'Arequipa',
  '05': 'Ayacucho',
  '06': 'Cajamarca',
  '07': 'Callao',
  '08': 'Cusco',
  '09': 'Huancavelica',
  '10': 'Huánuco',
  '11': 'Ica',
  '12': 'Junín',
  '13': 'La Libertad',
  '14': 'Lambayeque',
  '15': 'Lima',
  '16': 'Loreto',
  '17': 'Madre de Dios',
  '18': 'Moquegua',
  '19': 'Pasco',
  '20': 'Piura',
  '21': 'Puno',
  '22': 'San Martín',
  '23': 'Tacna',
  '24': 'Tumbes',
  '25': 'Ucayali',
};
