import type { AuditEntry } from '@yawar/api';
import { useT } from '../../i18n/I18nProvider';

const show = (value: unknown): string => {
  if (value === undefined) return '—';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
};

type Side = Record<string, unknown> | null;

/** The API types `before`/`after` loosely; a bare value (not an object) is shown as `value`. */
function asRecord(value: unknown): Side {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return { value };
}

/** Fields whose value differs between `before` and `after` (compared as JSON). */
export function changedFields(before: Side, after: Side): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]));
}

/**
 * A one-line summary of what changed, expandable into a before/after table. Creations and
 * deletions have only one side, so every field of that side is listed.
 */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  if (!before && !after) return <span className="muted">—</span>;
  const fields = changedFields(before, after);
  const names = fields.length > 4 ? `${fields.slice(0, 4).join(', ')}…` : fields.join(', ');
  const summary = !before
    ? t('audit.created', { fields: names })
    : !after
      ? t('audit.deleted')
      : fields.length === 0
        ? t('audit.noChanges')
        : t('audit.changed', { fields: names });
  return (
    <details className="audit-changes">
      <summary>{summary}</summary>
      <table className="data-table data-table-compact">
        <thead>
          <tr>
            <th scope="col">{t('audit.field')}</th>
            <th scope="col">{t('audit.before')}</th>
            <th scope="col">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((key) => (
            <tr key={key}>
              <th scope="row">{key}</th>
              <td className="mono">{show(before?.[key])}</td>
              <td className="mono">{show(after?.[key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
