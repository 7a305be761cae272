import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { demBounds } from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import { applyDem, type DemApplyReport } from './apply-dem.js';
import { DemImportError, readDemFiles, type DemFileSummary } from './read-dem.js';

export interface DemImportResult extends DemApplyReport {
  readonly files: readonly DemFileSummary[];
}

/**
 * `yawar import dem <files…> [--department <code>]`: reads and checks every file first (a bad file
 * throws DemImportError and nothing is written), then assigns altitudes in one transaction. Without
 * a department, every department with a populated place or establishment inside the DEM is updated.
 */
export async function importDem(
  db: Kysely<Database>,
  paths: readonly string[],
  options: { readonly department?: string | undefined },
  actor: Actor,
): Promise<DemImportResult> {
  const { dem, files } = await readDemFiles(paths);
  const departments = options.department
    ? await checkDepartment(db, options.department, paths)
    : await coveredDepartments(db, dem, paths);
  const report = await applyDem(db, dem, { departments, sources: files.map((f) => f.file) }, actor);
  return { ...report, files };
}

/** The DEM shipped with a department folder (`<dir>/dem/`), if it has one. */
export function departmentDemDir(dir: string): string | null {
  const dem = join(dir, 'dem');
  return existsSync(dem) && statSync(dem).isDirectory() ? dem : null;
}

/** Applies `<dir>/dem/` to the department when the folder ships a DEM; null when it has none. */
export async function applyDepartmentDem(
  db: Kysely<Database>,
  dir: string,
  department: string,
  actor: Actor,
): Promise<DemImportResult | null> {
  const demDir = departmentDemDir(dir);
  return demDir ? importDem(db, [demDir], { department }, actor) : null;
}

async function checkDepartment(
  db: Kysely<Database>,
  department: string,
  paths: readonly string[],
): Promise<string[]> {
  const code = department.trim().padStart(2, '0');
  const found = await db
    .selectFrom('department')
    .select('ubigeo')
    .where('ubigeo', '=', code)
    .executeTakeFirst();
  if (!found)
    throw new DemImportError([
      {
        file: paths.join(', '),
        tile: null,
        reason: `department ${code} is not in the database; import its reference data first`,
      },
    ]);
  return [code];
}

async function coveredDepartments(
  db: Kysely<Database>,
  dem: Parameters<typeof demBounds>[0],
  paths: readonly string[],
): Promise<string[]> {
  const b = demBounds(dem);
  const inside = (table: 'populated_place' | 'establishment') => sql<{ department: string }>`
    select distinct substr(district_ubigeo, 1, 2) as department from ${sql.table(table)}
    where lat between ${b?.south ?? 0} and ${b?.north ?? 0}
      and lon between ${b?.west ?? 0} and ${b?.east ?? 0}`;
  const [places, establishments] = [
    await inside('populated_place').execute(db),
    await inside('establishment').execute(db),
  ];
  const found = [
    ...new Set([...places.rows, ...establishments.rows].map((r) => r.department)),
  ].sort();
  if (found.length === 0)
    throw new DemImportError([
      {
        file: paths.join(', '),
        tile: null,
        reason:
          'the DEM covers no populated place or establishment in the database (name the department with --department)',
      },
    ]);
  return found;
}
