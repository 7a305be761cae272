/** The audit page's filter form: every field a string, as the inputs give it. */
export interface AuditFilters {
  actor: string;
  entity: string;
  action: string;
  /** `YYYY-MM-DD`, as the date inputs give it. */
  from: string;
  to: string;
}
