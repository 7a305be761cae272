import type { RenaesEntry } from './read-renaes.js';
import type { ExecutingUnitRecord } from './types.js';

/**
 * The department's executing units are the distinct RENAES "Código UE" values of its
 * establishments (code 0, "no government unit", is not one): taken from the data, never from a
 * hand-kept list. The evidence says how many establishments name each one.
 */
export function executingUnitsFromRenaes(
  entries: Iterable<RenaesEntry>,
  departmentUbigeo: string,
  file: string,
): ExecutingUnitRecord[] {
  const units = new Map<string, { name: string; directorate: string | null; count: number }>();
  for (const entry of entries) {
    const unit = entry.executingUnit;
    if (!unit) continue;
    const known = units.get(unit.code);
    if (known) known.count += 1;
    else units.set(unit.code, { name: unit.name, directorate: entry.directorate, count: 1 });
  }
  const name = file.split(/[\\/]/).pop() ?? file;
  return [...units]
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([code, unit]) => ({
      code,
      name: unit.name,
      parentDirectorate: unit.directorate ? `DISA/DIRESA ${unit.directorate}` : null,
      departmentUbigeo,
      evidence: `MINSA RENAES 2025 (${name}): ${unit.count} establishment(s) with Código UE ${code}`,
    }));
}
