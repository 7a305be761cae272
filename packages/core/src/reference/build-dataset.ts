import type { CsvSource } from './cells.js';
import type { GeoJsonSource } from './geojson-source.js';
import { IssueLog, type ImportIssue } from './issues.js';
import { readEstablishments, type EstablishmentSources } from './read-establishments.js';
import { readLaboratoryOverrides, readPopulatedPlaces } from './read-places.js';
import { readTerritory, type TerritorySources } from './read-territory.js';
import type { ReferenceDataset } from './types.js';

/** Every input of a department's reference data, already read from disk (or built from national files). */
export interface ReferenceSources extends TerritorySources, EstablishmentSources {
  readonly populatedPlaces: CsvSource | null;
  readonly laboratoryOverrides: CsvSource | null;
}

export type ReferenceBuild =
  | {
      readonly ok: true;
      readonly dataset: ReferenceDataset;
      readonly warnings: readonly ImportIssue[];
    }
  | {
      readonly ok: false;
      readonly errors: readonly ImportIssue[];
      readonly warnings: readonly ImportIssue[];
    };

/**
 * Validates all inputs together and builds one dataset, or reports every error found. Nothing is
 * partial: a single bad row fails the build, so an import never half-applies a broken file.
 */
export function buildReferenceDataset(sources: ReferenceSources): ReferenceBuild {
  const log = new IssueLog();
  const territory = readTerritory(sources, log);
  if (!territory) return { ok: false, errors: log.errors, warnings: log.warnings };
  const department = territory.department.ubigeo;
  const districtCodes = new Set(territory.districts.map((district) => district.ubigeo));
  const populatedPlaces = sources.populatedPlaces
    ? readPopulatedPlaces(sources.populatedPlaces, districtCodes, log)
    : [];
  const errorsBeforeEstablishments = log.errors.length;
  const accentedNames = [
    ...territory.provinces.map((province) => province.name),
    ...populatedPlaces.map((place) => place.name),
  ];
  const { establishments, executingUnits } = readEstablishments(
    sources,
    department,
    territory.districts,
    accentedNames,
    log,
  );
  // Overrides are checked against the establishments read; when those had errors, the check would
  // only echo them as "unknown code" noise, so it waits for a clean establishments file.
  const establishmentsClean = log.errors.length === errorsBeforeEstablishments;
  const establishmentCodes = new Set(establishments.map((establishment) => establishment.code));
  const laboratoryOverrides =
    sources.laboratoryOverrides && establishmentsClean
      ? readLaboratoryOverrides(sources.laboratoryOverrides, establishmentCodes, log)
      : [];
  if (log.errors.length > 0) return { ok: false, errors: log.errors, warnings: log.warnings };
  return {
    ok: true,
    warnings: log.warnings,
    dataset: {
      ...territory,
      populatedPlaces,
      executingUnits,
      establishments,
      laboratoryOverrides,
      sources: sourceFiles(sources),
    },
  };
}

function sourceFiles(sources: ReferenceSources): string[] {
  return Object.values(sources)
    .filter(
      (source): source is CsvSource | GeoJsonSource =>
        source !== null && typeof source === 'object' && 'file' in source,
    )
    .map((source) => source.file);
}
