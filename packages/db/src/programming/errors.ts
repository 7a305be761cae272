/** Why a programming write was refused; the server maps each code to an HTTP status. */
export type ProgrammingErrorCode =
  | 'not_found'
  | 'version_conflict'
  | 'not_editable'
  | 'invalid_transition'
  | 'transition_blocked'
  | 'invalid_observation'
  | 'invalid_quantity'
  | 'unknown_resource'
  | 'nothing_to_consolidate'
  | 'units_pending'
  | 'round_name_taken'
  | 'invalid_parameters'
  | 'invalid_meeting'
  | 'forbidden';

export class ProgrammingError extends Error {
  constructor(
    readonly code: ProgrammingErrorCode,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ProgrammingError';
  }
}
