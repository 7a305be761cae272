import { useState } from 'react';
import type { AuditFilters } from '../../domain/auditFilters';
import { useT } from '../../i18n/I18nProvider';

export const EMPTY_AUDIT_FILTERS: AuditFilters = {
  actor: '',
  entity: '',
  action: '',
  from: '',
  to: '',
};

/** Entities the server is known to record; a suggestion only, any text is accepted. */
const ENTITY_SUGGESTIONS = ['user', 'establishment', 'session', 'department'];

/** Edits a copy of the filters and applies them on submit, so typing does not fire requests. */
export function AuditFiltersForm({
  filters,
  onApply,
}: {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(filters);
  const set = (key: keyof AuditFilters) => (event: { target: { value: string } }) =>
    setDraft((previous) => ({ ...previous, [key]: event.target.value }));
  const fields: { key: keyof AuditFilters; label: string; type: string; list?: string }[] = [
    { key: 'actor', label: t('audit.actor'), type: 'search' },
    { key: 'action', label: t('audit.action'), type: 'search' },
    { key: 'entity', label: t('audit.entity'), type: 'search', list: 'audit-entities' },
    { key: 'from', label: t('audit.from'), type: 'date' },
    { key: 'to', label: t('audit.to'), type: 'date' },
  ];
  return (
    <form
      className="card filters-bar"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
      data-testid="audit-filters"
    >
      {fields.map((field) => (
        <label key={field.key} className="form-field">
          <span className="field-label">{field.label}</span>
          <input
            className="text-input"
            type={field.type}
            list={field.list}
            value={draft[field.key]}
            onChange={set(field.key)}
            data-testid={`audit-filter-${field.key}`}
          />
        </label>
      ))}
      <datalist id="audit-entities">
        {ENTITY_SUGGESTIONS.map((entity) => (
          <option key={entity} value={entity} />
        ))}
      </datalist>
      <div className="form-actions">
        <button type="submit" className="button" data-testid="audit-apply">
          {t('audit.apply')}
        </button>
        <button
          type="button"
          className="button button-outline"
          onClick={() => {
            setDraft(EMPTY_AUDIT_FILTERS);
            onApply(EMPTY_AUDIT_FILTERS);
          }}
        >
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}
