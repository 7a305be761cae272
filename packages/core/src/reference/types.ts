import type { AreaGeometry } from '../geo/geometry.js';

/** INEI ubigeo codes as zero-padded strings: department 2 digits, province 4, district 6. */
export type Ubigeo = string;

export interface DepartmentRecord {
  readonly ubigeo: Ubigeo;
  readonly name: string;
  readonly capital: string | null;
  readonly areaKm2: number | null;
  readonly geometry: AreaGeometry | null;
}

export interface ProvinceRecord {
  readonly ubigeo: Ubigeo;
  readonly departmentUbigeo: Ubigeo;
  readonly name: string;
  readonly capital: string | null;
  readonly areaKm2: number | null;
  readonly geometry: AreaGeometry | null;
}

export interface DistrictRecord {
  readonly ubigeo: Ubigeo;
  readonly provinceUbigeo: Ubigeo;
  readonly name: string;
  readonly capital: string | null;
  /** Altitude of the district capital, m a.s.l. (castagnetto/INEI). */
  readonly capitalAltitudeM: number | null;
  readonly capitalLat: number | null;
  readonly capitalLon: number | null;
  readonly areaKm2: number | null;
  readonly povertyPct: number | null;
  readonly extremePovertyPct: number | null;
  readonly idh: number | null;
  readonly population2017: number | null;
  readonly population2022: number | null;
  readonly children6to35Months: number | null;
  readonly geometry: AreaGeometry | null;
}

export type AreaType = 'urban' | 'rural';

export interface PopulatedPlaceRecord {
  readonly code: string;
  readonly districtUbigeo: Ubigeo;
  readonly name: string;
  readonly areaType: AreaType;
  readonly lat: number | null;
  readonly lon: number | null;
}

/** ok: inside its declared district (with tolerance); missing: no coordinates; outside: elsewhere. */
export type CoordinateStatus = 'ok' | 'missing' | 'outside_district';

/** One field on which two registries disagree: both values are kept, `chosen` is the one used. */
export interface RegistryDiscrepancy {
  readonly field: string;
  readonly chosen: string | null;
  readonly chosenSource: string;
  readonly other: string | null;
  readonly otherSource: string;
}

export interface EstablishmentRecord {
  /** RENIPRESS code, 8 digits zero-padded as RENIPRESS shows it. */
  readonly code: string;
  readonly name: string;
  readonly category: string;
  readonly institution: string | null;
  readonly network: string | null;
  /** RENAES Código Red; null when the network is known only by name. */
  readonly networkCode: string | null;
  readonly microred: string | null;
  readonly microredCode: string | null;
  readonly districtUbigeo: Ubigeo;
  readonly executingUnitCode: string | null;
  readonly address: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  /** RENAES COTA; null when RENAES gives none (the DEM fills it in later). */
  readonly altitudeM: number | null;
  readonly coordinateStatus: CoordinateStatus;
  readonly source: string;
  /** True when listed in the RENAES file; null when no RENAES file was read. */
  readonly inRenaes: boolean | null;
  readonly discrepancies: readonly RegistryDiscrepancy[];
}

export interface ExecutingUnitRecord {
  /** SIAF code of the executing unit (sec_ejec). */
  readonly code: string;
  readonly name: string;
  readonly parentDirectorate: string | null;
  readonly departmentUbigeo: Ubigeo;
  readonly evidence: string;
}

export interface LaboratoryOverride {
  readonly establishmentCode: string;
  readonly hasLaboratory: boolean;
  readonly reason: string;
}

export interface ReferenceDataset {
  readonly department: DepartmentRecord;
  readonly provinces: readonly ProvinceRecord[];
  readonly districts: readonly DistrictRecord[];
  readonly populatedPlaces: readonly PopulatedPlaceRecord[];
  readonly executingUnits: readonly ExecutingUnitRecord[];
  readonly establishments: readonly EstablishmentRecord[];
  readonly laboratoryOverrides: readonly LaboratoryOverride[];
  /** Names of the files each part came from, stored with the import run. */
  readonly sources: readonly string[];
}
