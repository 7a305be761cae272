import { useId, useMemo } from 'react';
import type { MicroredItem } from '@yawar/api';
import { useFormatNumber, useT } from '../i18n/I18nProvider';

interface MicroredSelectProps {
  microreds: readonly MicroredItem[];
  /** Scope code `06/RED/MICRORED`, or null for every microred. */
  value: string | null;
  onChange: (code: string | null) => void;
  /** Only the microredes of this red (its name), when one is chosen. */
  network?: string | null;
  testId?: string;
  /** The wrapper's class: `field` in side panels, `form-field` in filter bars. */
  className?: string;
  hint?: string;
}

// The empty string stands for "all microredes" in the <select>; state uses null.
const ALL = '';

/** Microredes grouped by red, as planners name them: red → microred. */
export function MicroredSelect({
  microreds,
  value,
  onChange,
  network = null,
  testId = 'microred-select',
  className = 'field',
  hint,
}: MicroredSelectProps) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const id = useId();
  const groups = useMemo(() => {
    const byNetwork = new Map<string, MicroredItem[]>();
    for (const item of microreds) {
      if (network !== null && item.network !== network) continue;
      byNetwork.set(item.network, [...(byNetwork.get(item.network) ?? []), item]);
    }
    return [...byNetwork].sort(([a], [b]) => a.localeCompare(b, 'es'));
  }, [microreds, network]);
  return (
    <div className={className}>
      <label className="field-label" htmlFor={id}>
        {t('microred.label')}
      </label>
      <select
        id={id}
        className="select"
        value={value ?? ALL}
        onChange={(event) => onChange(event.target.value === ALL ? null : event.target.value)}
        data-testid={testId}
      >
        <option value={ALL}>{t('microred.all')}</option>
        {groups.map(([red, items]) => (
          <optgroup key={red} label={t('microred.group', { network: red })}>
            {items.map((item) => (
              <option key={item.code} value={item.code}>
                {item.name} ({formatNumber(item.establishmentCount)})
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {hint && <span className="field-hint">{hint}</span>}
    </div>
  );
}
