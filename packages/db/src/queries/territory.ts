import type { AreaGeometry } from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import type { Database, PlaceAltitudeSource } from '../schema.js';

export interface DepartmentRow {
  ubigeo: string;
  name: string;
  capital: string | null;
  areaKm2: number | null;
  geometry: AreaGeometry | null;
}

export interface ProvinceRow extends DepartmentRow {
  departmentUbigeo: string;
}

export interface DistrictRow {
  ubigeo: string;
  name: string;
  provinceUbigeo: string;
  provinceName: string;
  departmentUbigeo: string;
  capital: string | null;
  capitalAltitudeM: number | null;
  areaKm2: number | null;
  povertyPct: number | null;
  extremePovertyPct: number | null;
  idh: number | null;
  population2017: number | null;
  population2022: number | null;
  children6to35Months: number | null;
  children6to35MonthsMethod: string | null;
  establishmentCount: number;
  geometry: AreaGeometry | null;
}

export function listDepartments(db: Kysely<Database>): Promise<DepartmentRow[]> {
  return db
    .selectFrom('department')
    .select(['ubigeo', 'name', 'capital', 'area_km2 as areaKm2', 'geometry'])
    .orderBy('ubigeo')
    .execute();
}

/** A department's name by its ubigeo; null if there is no such department. */
export async function departmentName(db: Kysely<Database>, ubigeo: string): Promise<string | null> {
  const row = await db
    .selectFrom('department')
    .select('name')
    .where('ubigeo', '=', ubigeo)
    .executeTakeFirst();
  return row?.name ?? null;
}

export function listProvinces(db: Kysely<Database>, department: string): Promise<ProvinceRow[]> {
  return db
    .selectFrom('province')
    .select([
      'ubigeo',
      'name',
      'capital',
      'area_km2 as areaKm2',
      'geometry',
      'department_ubigeo as departmentUbigeo',
    ])
    .where('department_ubigeo', '=', department)
    .orderBy('ubigeo')
    .execute();
}

export interface DistrictFilter {
  readonly department: string;
  readonly province?: string | undefined;
  readonly ubigeo?: string | undefined;
}

export function listDistricts(
  db: Kysely<Database>,
  filter: DistrictFilter,
): Promise<DistrictRow[]> {
  let query = db
    .selectFrom('district as d')
    .innerJoin('province as p', 'p.ubigeo', 'd.province_ubigeo')
    .select((eb) => [
      'd.ubigeo',
      'd.name',
      'd.province_ubigeo as provinceUbigeo',
      'p.name as provinceName',
      'p.department_ubigeo as departmentUbigeo',
      'd.capital',
      'd.capital_altitude_m as capitalAltitudeM',
      'd.area_km2 as areaKm2',
      'd.poverty_pct as povertyPct',
      'd.extreme_poverty_pct as extremePovertyPct',
      'd.idh',
      'd.population_2017 as population2017',
      'd.population_2022 as population2022',
      'd.children_6_35m as children6to35Months',
      'd.children_6_35m_method as children6to35MonthsMethod',
      'd.geometry',
      eb
        .selectFrom('establishment as e')
        .whereRef('e.district_ubigeo', '=', 'd.ubigeo')
        .where('e.in_registry', '=', true)
        .select(sql<number>`count(*)::int`.as('n'))
        .as('establishmentCount'),
    ])
    .where('p.department_ubigeo', '=', filter.department);
  if (filter.province) query = query.where('d.province_ubigeo', '=', filter.province);
  if (filter.ubigeo) query = query.where('d.ubigeo', '=', filter.ubigeo);
  return query.orderBy('d.ubigeo').execute() as Promise<DistrictRow[]>;
}

export interface PopulatedPlaceRow {
  code: string;
  name: string;
  areaType: 'urban' | 'rural';
  districtUbigeo: string;
  lat: number | null;
  lon: number | null;
  /** Metres; from the DEM, a record, or the district capital (docs/methods/elevation.md). */
  altitudeM: number | null;
  altitudeSource: PlaceAltitudeSource | null;
}

export function listPopulatedPlaces(
  db: Kysely<Database>,
  filter: { department: string; district?: string | undefined },
): Promise<PopulatedPlaceRow[]> {
  let query = db
    .selectFrom('populated_place')
    .select([
      'code',
      'name',
      'area_type as areaType',
      'district_ubigeo as districtUbigeo',
      'lat',
      'lon',
      'altitude_m as altitudeM',
      'altitude_source as altitudeSource',
    ])
    .where('in_registry', '=', true)
    .where('district_ubigeo', 'like', `${filter.department}%`);
  if (filter.district) query = query.where('district_ubigeo', '=', filter.district);
  return query.orderBy('code').execute();
}

export interface DepartmentSummary {
  department: { ubigeo: string; name: string };
  provinces: number;
  districts: number;
  establishments: number;
  establishmentsWithCoordinates: number;
  populatedPlaces: number;
  networks: number;
}

export async function departmentSummary(
  db: Kysely<Database>,
  department: string,
): Promise<DepartmentSummary | null> {
  const row = await db
    .selectFrom('department as dep')
    .select((eb) => [
      'dep.ubigeo',
      'dep.name',
      eb
        .selectFrom('province')
        .where('department_ubigeo', '=', department)
        .select(sql<number>`count(*)::int`.as('n'))
        .as('provinces'),
      eb
        .selectFrom('district')
        .where('ubigeo', 'like', `${department}%`)
        .select(sql<number>`count(*)::int`.as('n'))
        .as('districts'),
      eb
        .selectFrom('establishment')
        .where('district_ubigeo', 'like', `${department}%`)
        .where('in_registry', '=', true)
        .select(sql<number>`count(*)::int`.as('n'))
        .as('establishments'),
      eb
        .selectFrom('establishment')
        .where('district_ubigeo', 'like', `${department}%`)
        .where('in_registry', '=', true)
        .where('coordinate_status', '!=', 'missing')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('withCoordinates'),
      eb
        .selectFrom('populated_place')
        .where('district_ubigeo', 'like', `${department}%`)
        .where('in_registry', '=', true)
        .select(sql<number>`count(*)::int`.as('n'))
        .as('populatedPlaces'),
      eb
        .selectFrom('health_network')
        .where('department_ubigeo', '=', department)
        .select(sql<number>`count(*)::int`.as('n'))
        .as('networks'),
    ])
    .where('dep.ubigeo', '=', department)
    .executeTakeFirst();
  if (!row) return null;
  return {
    department: { ubigeo: row.ubigeo, name: row.name },
    provinces: row.provinces ?? 0,
    districts: row.districts ?? 0,
    establishments: row.establishments ?? 0,
    establishmentsWithCoordinates: row.withCoordinates ?? 0,
    populatedPlaces: row.populatedPlaces ?? 0,
    networks: row.networks ?? 0,
  };
}
