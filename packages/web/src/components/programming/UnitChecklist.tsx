import { useState } from 'react';
import { programmingApi } from '../../api/programmingClient';
import type { ProgrammeSummary } from '@yawar/api';
import { DEPARTMENT_NAMES } from '../../domain/programming';
import { useAuthedResource } from '../../hooks/useAuthedResource';
import { useT } from '../../i18n/I18nProvider';
import { ErrorState, LoadingState } from '../StatusMessage';

/**
 * The executing units of one department at a time (GET /api/executing-units), as checkboxes.
 * Units with a programme in the round are marked: a meeting is about their programmes.
 */
export function UnitChecklist({
  programmes,
  selected,
  onChange,
}: {
  programmes: readonly ProgrammeSummary[];
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
}) {
  const t = useT();
  const departments = [...new Set(programmes.map((item) => item.unit.departmentUbigeo))].sort();
  const [department, setDepartment] = useState(departments[0] ?? '06');
  const withProgramme = new Set(programmes.map((item) => item.unit.code));
  const { state, reload } = useAuthedResource(
    (signal) => programmingApi.executingUnits(department, signal),
    department,
  );
  const options = departments.includes(department) ? departments : [department, ...departments];
  const toggle = (code: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(code);
    else next.delete(code);
    onChange(next);
  };

  return (
    <fieldset className="prog-fieldset" data-testid="meeting-units">
      <legend className="field-label">{t('prog.meeting.units', { n: selected.size })}</legend>
      <label className="form-field prog-department">
        <span className="field-label">{t('prog.meeting.department')}</span>
        <select
          className="text-input"
          value={department}
          onChange={(event) => setDepartment(event.target.value)}
          data-testid="meeting-department"
        >
          {(options.length > 0 ? options : Object.keys(DEPARTMENT_NAMES)).map((code) => (
            <option key={code} value={code}>
              {DEPARTMENT_NAMES[code] ?? code}
            </option>
          ))}
        </select>
      </label>
      {state.status === 'loading' && <LoadingState />}
      {(state.status === 'error' || state.status === 'not_found') && (
        <ErrorState error={state.error} onRetry={reload} />
      )}
      {state.status === 'ready' && (
        <ul className="prog-unit-list">
          {state.data.items.map((unit) => (
            <li key={unit.code}>
              <label className="prog-check">
                <input
                  type="checkbox"
                  checked={selected.has(unit.code)}
                  onChange={(event) => toggle(unit.code, event.target.checked)}
                  data-testid="meeting-unit"
                  data-unit-code={unit.code}
                />
                <span>
                  {unit.name} <span className="mono muted">{unit.code}</span>
                  {!withProgramme.has(unit.code) && (
                    <span className="field-hint">{t('prog.meeting.noProgramme')}</span>
                  )}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
