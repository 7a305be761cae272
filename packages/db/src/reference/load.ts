import {
  CHILDREN_6_35_METHOD,
  CHILDREN_6_35_SINGLE_AGE_METHOD,
  type EstablishmentRecord,
  type ReferenceDataset,
} from '@yawar/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { recordAudit } from '../audit/audit-trail.js';
import type { Database } from '../schema.js';
import { jsonb, upsertRows, type UpsertCounts } from '../upsert.js';
import { singleAgeEstimates } from './population.js';

export interface ReferenceLoadReport {
  readonly department: string;
  readonly counts: Readonly<Record<string, UpsertCounts & { retired?: number }>>;
  /** True when the database already held exactly this data. */
  readonly unchanged: boolean;
}

/**
 * Loads a validated dataset in one transaction: it all lands or none of it does. Rows are matched
 * on their public codes (ubigeo, RENIPRESS, INEI centro poblado), so a second run of the same
 * files changes nothing. Establishments and places that vanished from the source are kept but
 * marked out of the registry, since later records (screenings, plans) may point at them.
 */
export async function loadReferenceDataset(
  db: Kysely<Database>,
  dataset: ReferenceDataset,
  actor: Actor,
): Promise<ReferenceLoadReport> {
  const startedAt = new Date();
  return db.transaction().execute(async (trx) => {
    const counts: Record<string, UpsertCounts & { retired?: number }> = {};
    counts['department'] = await loadDepartment(trx, dataset);
    counts['province'] = await upsertRows(
      trx,
      'province',
      ['ubigeo'],
      dataset.provinces.map((p) => ({
        ubigeo: p.ubigeo,
        department_ubigeo: p.departmentUbigeo,
        name: p.name,
        capital: p.capital,
        area_km2: p.areaKm2,
        geometry: jsonb(p.geometry),
      })),
    );
    // Districts with an imported single-age table keep that estimate (yawar import population);
    // the others get the dataset's fallback, so a re-import of the same files changes nothing.
    const singleAge = await singleAgeEstimates(
      trx,
      dataset.districts.map((d) => d.ubigeo),
    );
    counts['district'] = await upsertRows(
      trx,
      'district',
      ['ubigeo'],
      dataset.districts.map((d) => ({
        ubigeo: d.ubigeo,
        province_ubigeo: d.provinceUbigeo,
        name: d.name,
        capital: d.capital,
        capital_altitude_m: d.capitalAltitudeM,
        capital_lat: d.capitalLat,
        capital_lon: d.capitalLon,
        area_km2: d.areaKm2,
        poverty_pct: d.povertyPct,
        extreme_poverty_pct: d.extremePovertyPct,
        idh: d.idh,
        population_2017: d.population2017,
        population_2022: d.population2022,
        ...childrenEstimate(d.children6to35Months, singleAge.get(d.ubigeo)),
        geometry: jsonb(d.geometry),
      })),
    );
    counts['populated_place'] = await loadPopulatedPlaces(trx, dataset);
    counts['executing_unit'] = await upsertRows(
      trx,
      'executing_unit',
      ['code'],
      dataset.executingUnits.map((u) => ({
        code: u.code,
        name: u.name,
        parent_directorate: u.parentDirectorate,
        department_ubigeo: u.departmentUbigeo,
        evidence: u.evidence,
      })),
    );
    const networks = await loadNetworks(trx, dataset);
    counts['health_network'] = networks.counts;
    counts['microred'] = networks.microredCounts;
    counts['establishment'] = await loadEstablishments(trx, dataset, networks.ids);
    counts['establishment_lab_override'] = await loadOverrides(trx, dataset);
    const unchanged = Object.values(counts).every(
      (c) => c.inserted === 0 && c.updated === 0 && !c.retired,
    );
    // Nothing changed, nothing to record: a second run of the same files leaves no trace.
    if (!unchanged) {
      await trx
        .insertInto('import_run')
        .values({
          kind: 'reference',
          department_ubigeo: dataset.department.ubigeo,
          sources: JSON.stringify(dataset.sources),
          counts: JSON.stringify(counts),
          actor: actor.label,
          started_at: startedAt,
          finished_at: new Date(),
        })
        .execute();
      await recordAudit(trx, actor, {
        action: 'reference.import',
        entity: 'department',
        entityId: dataset.department.ubigeo,
        after: { counts, sources: dataset.sources.map((file) => file.split(/[\\/]/).pop()) },
      });
    }
    return { department: dataset.department.ubigeo, counts, unchanged };
  });
}

function childrenEstimate(fallback: number | null, fromSingleAge: number | undefined) {
  if (fromSingleAge !== undefined)
    return {
      children_6_35m: fromSingleAge,
      children_6_35m_method: CHILDREN_6_35_SINGLE_AGE_METHOD,
    };
  return {
    children_6_35m: fallback,
    children_6_35m_method: fallback === null ? null : CHILDREN_6_35_METHOD,
  };
}

function loadDepartment(
  trx: Transaction<Database>,
  { department: d }: ReferenceDataset,
): Promise<UpsertCounts> {
  return upsertRows(
    trx,
    'department',
    ['ubigeo'],
    [
      {
        ubigeo: d.ubigeo,
        name: d.name,
        capital: d.capital,
        area_km2: d.areaKm2,
        geometry: jsonb(d.geometry),
      },
    ],
  );
}

async function loadPopulatedPlaces(
  trx: Transaction<Database>,
  dataset: ReferenceDataset,
): Promise<UpsertCounts & { retired: number }> {
  const counts = await upsertRows(
    trx,
    'populated_place',
    ['code'],
    dataset.populatedPlaces.map((p) => ({
      code: p.code,
      district_ubigeo: p.districtUbigeo,
      name: p.name,
      area_type: p.areaType,
      lat: p.lat,
      lon: p.lon,
      in_registry: true,
    })),
  );
  // A department folder without a places file says nothing about places: keep what is there.
  if (dataset.populatedPlaces.length === 0) return { ...counts, retired: 0 };
  const codes = dataset.populatedPlaces.map((p) => p.code);
  return {
    ...counts,
    retired: await retireMissing(trx, 'populated_place', dataset.department.ubigeo, codes),
  };
}

interface NetworkIds {
  readonly counts: UpsertCounts;
  readonly microredCounts: UpsertCounts;
  readonly ids: { network: Map<string, number>; microred: Map<string, number> };
}

async function loadNetworks(
  trx: Transaction<Database>,
  dataset: ReferenceDataset,
): Promise<NetworkIds> {
  const department = dataset.department.ubigeo;
  const networkCodes = new Map<string, string | null>();
  for (const e of dataset.establishments)
    if (e.network && !networkCodes.get(e.network)) networkCodes.set(e.network, e.networkCode);
  const counts = await upsertRows(
    trx,
    'health_network',
    ['department_ubigeo', 'name'],
    [...networkCodes]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, code]) => ({ department_ubigeo: department, name, code })),
  );
  const rows = await trx
    .selectFrom('health_network')
    .select(['id', 'name'])
    .where('department_ubigeo', '=', department)
    .execute();
  const network = new Map(rows.map((row) => [row.name, row.id]));
  const pairs = new Map<string, { network_id: number; name: string; code: string | null }>();
  for (const e of dataset.establishments) {
    const networkId = e.network ? network.get(e.network) : undefined;
    const key = `${networkId}/${e.microred}`;
    if (networkId !== undefined && e.microred && !pairs.get(key)?.code)
      pairs.set(key, { network_id: networkId, name: e.microred, code: e.microredCode });
  }
  const microredCounts = await upsertRows(
    trx,
    'microred',
    ['network_id', 'name'],
    [...pairs.values()],
  );
  const microreds = await trx
    .selectFrom('microred')
    .innerJoin('health_network', 'health_network.id', 'microred.network_id')
    .select(['microred.id', 'microred.network_id', 'microred.name'])
    .where('health_network.department_ubigeo', '=', department)
    .execute();
  const microred = new Map(microreds.map((row) => [`${row.network_id}/${row.name}`, row.id]));
  return { counts, microredCounts, ids: { network, microred } };
}

/**
 * Altitudes that came from the DEM (or the district capital) for establishments RENAES gives none
 * are kept: the reference files say nothing about them, and the elevation import owns them.
 */
async function altitudesNotFromRenaes(
  trx: Transaction<Database>,
  department: string,
): Promise<Map<string, { altitude_m: number | null; altitude_source: string | null }>> {
  const rows = await trx
    .selectFrom('establishment')
    .select(['code', 'altitude_m', 'altitude_source'])
    .where('district_ubigeo', 'like', `${department}%`)
    .where('altitude_source', 'in', ['dem', 'district_capital'])
    .execute();
  return new Map(rows.map((row) => [row.code, row]));
}

async function loadEstablishments(
  trx: Transaction<Database>,
  dataset: ReferenceDataset,
  ids: NetworkIds['ids'],
): Promise<UpsertCounts & { retired: number }> {
  const kept = await altitudesNotFromRenaes(trx, dataset.department.ubigeo);
  const row = (e: EstablishmentRecord) => {
    const networkId = e.network ? (ids.network.get(e.network) ?? null) : null;
    const elsewhere = e.altitudeM === null ? kept.get(e.code) : undefined;
    return {
      code: e.code,
      name: e.name,
      category: e.category,
      institution: e.institution,
      network_id: networkId,
      microred_id:
        networkId !== null && e.microred
          ? (ids.microred.get(`${networkId}/${e.microred}`) ?? null)
          : null,
      district_ubigeo: e.districtUbigeo,
      executing_unit_code: e.executingUnitCode,
      address: e.address,
      lat: e.lat,
      lon: e.lon,
      altitude_m: elsewhere ? elsewhere.altitude_m : e.altitudeM,
      altitude_source: elsewhere
        ? elsewhere.altitude_source
        : e.altitudeM === null
          ? null
          : 'renaes',
      coordinate_status: e.coordinateStatus,
      source: e.source,
      registry_discrepancies: jsonb(e.discrepancies),
      in_renaes: e.inRenaes,
      in_registry: true,
    };
  };
  const counts = await upsertRows(trx, 'establishment', ['code'], dataset.establishments.map(row));
  const codes = dataset.establishments.map((e) => e.code);
  return {
    ...counts,
    retired: await retireMissing(trx, 'establishment', dataset.department.ubigeo, codes),
  };
}

/** Marks the department's rows whose code is no longer in the source as out of the registry. */
async function retireMissing(
  trx: Transaction<Database>,
  table: 'establishment' | 'populated_place',
  department: string,
  presentCodes: readonly string[],
): Promise<number> {
  const result = await trx
    .updateTable(table)
    .set({ in_registry: false })
    .where('district_ubigeo', 'like', `${department}%`)
    .where('in_registry', '=', true)
    .where('code', '!=', sql<string>`all(${presentCodes}::text[])`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The file is the truth for overrides that came from a file: they are (re)applied, and those no
 * longer in it are removed. Manual ones made with the CLI are never touched by an import.
 */
async function loadOverrides(
  trx: Transaction<Database>,
  dataset: ReferenceDataset,
): Promise<UpsertCounts & { retired: number }> {
  const manual = await trx
    .selectFrom('establishment_lab_override')
    .select('establishment_code')
    .where('origin', '=', 'manual')
    .execute();
  const manualCodes = new Set(manual.map((m) => m.establishment_code));
  const rows = dataset.laboratoryOverrides
    .filter((o) => !manualCodes.has(o.establishmentCode))
    .map((o) => ({
      establishment_code: o.establishmentCode,
      has_laboratory: o.hasLaboratory,
      reason: o.reason,
      origin: 'import',
    }));
  const counts = await upsertRows(trx, 'establishment_lab_override', ['establishment_code'], rows);
  const kept = rows.map((row) => row.establishment_code);
  const removed = await trx
    .deleteFrom('establishment_lab_override')
    .where('origin', '=', 'import')
    .where(
      'establishment_code',
      'in',
      trx
        .selectFrom('establishment')
        .select('code')
        .where('district_ubigeo', 'like', `${dataset.department.ubigeo}%`),
    )
    .where('establishment_code', '!=', sql<string>`all(${kept}::text[])`)
    .executeTakeFirst();
  return { ...counts, retired: Number(removed.numDeletedRows) };
}
