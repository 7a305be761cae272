/**
 * Every action the audit trail records (audit_event.action), as data: the web app labels each in
 * Spanish and English from this list (a missing label is a compile error), and a test reads the
 * sources of db and server so that a new action cannot be recorded without being listed here.
 */
export const AUDIT_ACTIONS = [
  'login.success',
  'login.failure',
  'login.locked',
  'login.refused',
  'logout',
  'user.create',
  'user.update',
  'user.reset_password',
  'laboratory.set_override',
  'laboratory.clear_override',
  'reference.import',
  'population.import',
  'dem.import',
  'catalogue.load',
  'screening.import',
  'supply_history.import',
  'round.create',
  'round.consolidate',
  'programme.compute',
  'programme.line.update',
  'programme.submit',
  'programme.validate',
  'programme.return',
  'programme.approve',
  'observation.create',
  'observation.address',
  'observation.resolve',
  'meeting.create',
  'meeting.participant.update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
