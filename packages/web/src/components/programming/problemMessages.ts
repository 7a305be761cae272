// Sentences for the reasons the server refuses a transition (422 transition_blocked) or the
// browser refuses to send one: which lines, which observations, in the unit's words.
import { ApiError } from '../../api/client';
import type { ProgrammeSheet } from '@yawar/api';
import type { TransitionProblem } from '@yawar/core';
import { apiErrorMessage } from '../../i18n/apiErrorMessage';
import type { Translate } from '../../i18n/I18nProvider';

function lineName(sheet: ProgrammeSheet, code: string): string {
  const line = sheet.lines.find((item) => item.resourceCode === code);
  return line ? `${line.resourceName} (${code})` : code;
}

function observationText(sheet: ProgrammeSheet, id: number, t: Translate): string {
  const observation = sheet.observations.find((item) => item.id === id);
  if (!observation) return `#${id}`;
  const where = observation.resourceCode
    ? lineName(sheet, observation.resourceCode)
    : t('prog.obs.general');
  const note =
    observation.note.length > 80 ? `${observation.note.slice(0, 80)}…` : observation.note;
  return `${where}: «${note}»`;
}

export function problemMessage(
  problem: TransitionProblem,
  sheet: ProgrammeSheet,
  t: Translate,
): string {
  switch (problem.code) {
    case 'justification_missing':
      return t('prog.problem.justification_missing', {
        lines: problem.resourceCodes.map((code) => lineName(sheet, code)).join('; '),
      });
    case 'observations_open':
      return t('prog.problem.observations_open', {
        observations: problem.observationIds.map((id) => observationText(sheet, id, t)).join('; '),
      });
    case 'note_required':
      return t('prog.problem.note_required');
    case 'no_lines':
      return t('prog.problem.no_lines');
  }
}

/** The problems of a 422 transition_blocked, or null for any other failure. */
export function transitionProblems(error: unknown): TransitionProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'transition_blocked') return null;
  const details = error.details as { problems?: unknown } | null;
  return Array.isArray(details?.problems) ? (details.problems as TransitionProblem[]) : null;
}

const KNOWN_CODES = [
  'version_conflict',
  'invalid_transition',
  'not_editable',
  'nothing_to_consolidate',
  'units_pending',
  'import_invalid',
  'transition_blocked',
  'invalid_quantity',
  'invalid_observation',
  'invalid_parameters',
  'invalid_meeting',
  'round_name_taken',
  'unknown_resource',
] as const;

/** A sentence for a failed programming call: the workflow's own codes first, then the usual ones. */
export function programmingErrorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const code = KNOWN_CODES.find((known) => known === error.code);
    if (code) return t(`prog.error.${code}`);
  }
  return apiErrorMessage(error, t);
}
