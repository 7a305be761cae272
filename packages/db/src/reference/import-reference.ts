import { buildReferenceDataset, type ImportIssue, type ReferenceSources } from '@yawar/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import { buildDepartmentFromNational } from './national.js';
import { readDepartmentPackage } from './department-package.js';
import { loadReferenceDataset, type ReferenceLoadReport } from './load.js';
import { SourceFileError } from './read-files.js';
import { applyDepartmentDem, type DemImportResult } from '../elevation/import-dem.js';

export class ReferenceImportError extends Error {
  constructor(readonly errors: readonly ImportIssue[]) {
    super(`the reference data has ${errors.length} error(s); nothing was imported`);
    this.name = 'ReferenceImportError';
  }
}

export type ReferenceOrigin =
  { readonly dir: string } | { readonly peruDir: string; readonly department: string };

export interface ReferenceImportResult extends ReferenceLoadReport {
  readonly warnings: readonly ImportIssue[];
  readonly totals: Readonly<Record<string, number>>;
  /** The altitudes from the folder's shipped DEM (`<dir>/dem/`), applied after the load; null if none. */
  readonly dem: DemImportResult | null;
}

/** Reads, validates and loads; throws ReferenceImportError listing every problem, having written nothing. */
export async function importReference(
  db: Kysely<Database>,
  origin: ReferenceOrigin,
  actor: Actor,
): Promise<ReferenceImportResult> {
  const sources = readSources(origin);
  const build = buildReferenceDataset(sources);
  if (!build.ok) throw new ReferenceImportError(build.errors);
  const report = await loadReferenceDataset(db, build.dataset, actor);
  const { dataset } = build;
  const dem =
    'dir' in origin
      ? await applyDepartmentDem(db, origin.dir, dataset.department.ubigeo, actor)
      : null;
  return {
    ...report,
    dem,
    warnings: build.warnings,
    totals: {
      provinces: dataset.provinces.length,
      districts: dataset.districts.length,
      populatedPlaces: dataset.populatedPlaces.length,
      executingUnits: dataset.executingUnits.length,
      establishments: dataset.establishments.length,
      establishmentsWithCoordinates: dataset.establishments.filter(
        (e) => e.coordinateStatus !== 'missing',
      ).length,
      establishmentsOutsideDistrict: dataset.establishments.filter(
        (e) => e.coordinateStatus === 'outside_district',
      ).length,
      establishmentsInRenaes: dataset.establishments.filter((e) => e.inRenaes).length,
      establishmentsWithMicrored: dataset.establishments.filter((e) => e.microred).length,
      establishmentsWithExecutingUnit: dataset.establishments.filter((e) => e.executingUnitCode)
        .length,
      establishmentsWithAltitude: dataset.establishments.filter((e) => e.altitudeM !== null).length,
      establishmentsWithDiscrepancies: dataset.establishments.filter(
        (e) => e.discrepancies.length > 0,
      ).length,
    },
  };
}

function readSources(origin: ReferenceOrigin): ReferenceSources {
  try {
    return 'dir' in origin
      ? readDepartmentPackage(origin.dir)
      : buildDepartmentFromNational(origin.peruDir, origin.department);
  } catch (error) {
    if (error instanceof SourceFileError) throw new ReferenceImportError(error.issues);
    throw error;
  }
}
