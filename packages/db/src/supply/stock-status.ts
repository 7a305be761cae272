import {
  cpmaWindow,
  establishmentStockStatus,
  liquidLitres,
  microredCode,
  networkCode,
  type EstablishmentStockStatus,
  type ProductStockInput,
  type StockEstablishmentPlace,
  type ResourceLocation,
  type StockRuleSet,
} from '@yawar/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface StockStatusQuery {
  readonly department: string;
  /** `YYYY-MM`; default the latest month with data in the department (or the establishment). */
  readonly month?: string | null;
  readonly ruleSet: StockRuleSet;
  /** One establishment only (RENIPRESS, 8 digits). */
  readonly establishment?: string;
  /** Keeps only the establishments this returns true for (the caller's scope). */
  readonly visible?: (location: ResourceLocation) => boolean;
}

export interface StockPlace extends StockEstablishmentPlace {
  /** Department ubigeo (2 digits). */
  readonly department: string;
  readonly category: string;
  readonly districtName: string;
  readonly lat: number | null;
  readonly lon: number | null;
}

export type StockEstablishment = EstablishmentStockStatus & StockPlace;

export interface StockStatusResult {
  /** The month evaluated; null when the department has no history at all. */
  readonly month: string | null;
  readonly latestMonth: string | null;
  readonly establishments: readonly StockEstablishment[];
}

/**
 * Stock status of a department's establishments as of a month: each establishment's stock that
 * month and its consumption over the rule set's CPMA window (12 months up to it), classified by
 * the core (classifyStock, availabilityIndicator). Warehouses (rows without an establishment) are
 * not facilities and stay out. An establishment is counted under the executing unit on record,
 * else under the unit its history names.
 */
export async function stockStatus(
  db: Kysely<Database>,
  query: StockStatusQuery,
): Promise<StockStatusResult> {
  const latestMonth = await latestSupplyMonth(db, query.department, query.establishment);
  const month = query.month ?? latestMonth;
  if (!month) return { month: null, latestMonth, establishments: [] };
  const window = cpmaWindow(month, query.ruleSet);
  const rows = await historyRows(db, query, window[0] ?? month, month);
  const historyUnit = new Map(
    [...rows].map(([code, products]) => [code, [...products.values()][0]?.unit ?? '']),
  );
  const places = await establishmentPlaces(db, historyUnit);
  const attributes = await resourceAttributes(db);
  const establishments: StockEstablishment[] = [];
  for (const place of places) {
    const products = rows.get(place.code);
    if (!products) continue;
    const location: ResourceLocation = {
      department: query.department,
      network: place.network?.code ?? null,
      microred: place.microred?.code ?? null,
      establishment: place.code,
      executingUnits: [place.executingUnit.code],
    };
    if (query.visible && !query.visible(location)) continue;
    const sorted = [...products.values()].sort((x, y) =>
      x.resourceCode.localeCompare(y.resourceCode),
    );
    const inputs: ProductStockInput[] = sorted.map((p) => ({
      resourceCode: p.resourceCode,
      stock: p.stock,
      history: p.history,
      simulated: p.simulated,
      vital: attributes.get(p.resourceCode)?.vital ?? false,
      liquidLitres: attributes.get(p.resourceCode)?.liquidLitres ?? null,
    }));
    const status = establishmentStockStatus(place, inputs, month, query.ruleSet);
    establishments.push({ ...place, ...status });
  }
  return { month, latestMonth, establishments };
}

/** An establishment's place for the stock pages, with or without history; null if unknown. */
export async function stockEstablishmentPlace(
  db: Kysely<Database>,
  code: string,
): Promise<StockPlace | null> {
  const [place] = await establishmentPlaces(db, new Map([[code, '']]));
  return place ?? null;
}

/** Latest month with an establishment's row in the department (or for one establishment). */
export async function latestSupplyMonth(
  db: Kysely<Database>,
  department: string,
  establishment?: string,
): Promise<string | null> {
  let query = db
    .selectFrom('supply_history as h')
    .innerJoin('establishment as e', 'e.code', 'h.establishment_code')
    .select(sql<string | null>`to_char(max(h.month), 'YYYY-MM')`.as('month'))
    .where('e.district_ubigeo', 'like', `${department}%`);
  if (establishment) query = query.where('e.code', '=', establishment);
  const row = await query.executeTakeFirst();
  return row?.month ?? null;
}

/** Whether any history row of the department (establishments or warehouses) is simulated. */
export async function supplyHistoryIsSimulated(
  db: Kysely<Database>,
  department: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('supply_history as h')
    .innerJoin('executing_unit as u', 'u.code', 'h.executing_unit_code')
    .select('h.id')
    .where('u.department_ubigeo', '=', department)
    .where('h.simulated', '=', true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * What the availability rule needs of each catalogue item: vital (RM 1288-2018/MINSA) and, for
 * liquids, the volume of one dispensing unit (the Ficha 28 large-volume rule).
 */
async function resourceAttributes(
  db: Kysely<Database>,
): Promise<Map<string, { vital: boolean; liquidLitres: number | null }>> {
  const rows = await db
    .selectFrom('strategic_resource')
    .select(['code', 'vital', 'content_amount as contentAmount', 'content_unit as contentUnit'])
    .execute();
  return new Map(rows.map((r) => [r.code, { vital: r.vital, liquidLitres: liquidLitres(r) }]));
}

interface ProductRows {
  readonly resourceCode: string;
  stock: number | null;
  readonly history: { month: string; consumption: number }[];
  simulated: boolean;
  unit: string;
}

async function historyRows(
  db: Kysely<Database>,
  query: StockStatusQuery,
  from: string,
  to: string,
): Promise<Map<string, Map<string, ProductRows>>> {
  let select = db
    .selectFrom('supply_history as h')
    .innerJoin('establishment as e', 'e.code', 'h.establishment_code')
    .select([
      'h.establishment_code as establishment',
      'h.executing_unit_code as unit',
      'h.resource_code as resource',
      sql<string>`to_char(h.month, 'YYYY-MM')`.as('month'),
      'h.consumption',
      'h.stock_end as stockEnd',
      'h.simulated',
    ])
    .where('e.district_ubigeo', 'like', `${query.department}%`)
    .where('h.month', '>=', sql<Date>`${`${from}-01`}::date`)
    .where('h.month', '<=', sql<Date>`${`${to}-01`}::date`)
    .orderBy('h.month');
  if (query.establishment) select = select.where('e.code', '=', query.establishment);
  const bySite = new Map<string, Map<string, ProductRows>>();
  for (const row of await select.execute()) {
    const code = row.establishment ?? '';
    const products = bySite.get(code) ?? new Map<string, ProductRows>();
    bySite.set(code, products);
    const product = products.get(row.resource) ?? {
      resourceCode: row.resource,
      stock: null,
      history: [],
      simulated: false,
      unit: row.unit,
    };
    products.set(row.resource, product);
    product.history.push({ month: row.month, consumption: row.consumption });
    product.simulated ||= row.simulated;
    // Rows come oldest first: the last one seen names the unit; the month's row gives the stock.
    product.unit = row.unit;
    if (row.month === to) product.stock = row.stockEnd;
  }
  return bySite;
}

/** Name, network, microred and unit of the establishments, by code; `historyUnit` as the fallback unit. */
async function establishmentPlaces(
  db: Kysely<Database>,
  historyUnit: ReadonlyMap<string, string>,
): Promise<StockPlace[]> {
  const codes = [...historyUnit.keys()];
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('establishment as e')
    .innerJoin('district as d', 'd.ubigeo', 'e.district_ubigeo')
    .leftJoin('health_network as n', 'n.id', 'e.network_id')
    .leftJoin('microred as m', 'm.id', 'e.microred_id')
    .select([
      'e.code',
      'e.name',
      'e.category',
      'e.lat',
      'e.lon',
      'e.executing_unit_code as unit',
      'e.district_ubigeo as district',
      'd.name as districtName',
      'n.name as network',
      'm.name as microred',
    ])
    .where('e.code', '=', sql<string>`any(${codes}::text[])`)
    .orderBy('e.code')
    .execute();
  const unitNames = new Map(
    (await db.selectFrom('executing_unit').select(['code', 'name']).execute()).map((u) => [
      u.code,
      u.name,
    ]),
  );
  return rows.map((row) => {
    const unit = row.unit ?? historyUnit.get(row.code) ?? '';
    const department = row.district.slice(0, 2);
    return {
      code: row.code,
      name: row.name,
      department,
      category: row.category,
      districtName: row.districtName,
      lat: row.lat,
      lon: row.lon,
      network: row.network
        ? { code: networkCode(department, row.network), name: row.network }
        : null,
      microred:
        row.network && row.microred
          ? { code: microredCode(department, row.network, row.microred), name: row.microred }
          : null,
      executingUnit: { code: unit, name: unitNames.get(unit) ?? unit },
    };
  });
}

/** The executing units whose supply history names this establishment, in code order. */
export async function supplyHistoryUnits(db: Kysely<Database>, establishment: string) {
  const rows = await db
    .selectFrom('supply_history')
    .select('executing_unit_code')
    .distinct()
    .where('establishment_code', '=', establishment)
    .orderBy('executing_unit_code')
    .execute();
  return rows.map((row) => row.executing_unit_code);
}
