import {
  AVAILABILITY_LEVELS,
  DEFAULT_STOCK_RULE_SET,
  STOCK_RULE_SETS,
  STOCK_STATUS_FORMULAS,
  stockStatusTable,
  type AreaStockStatus,
  type StockRuleSet,
} from '@yawar/core';
import type { StockEstablishment } from '@yawar/db';
import ExcelJS from 'exceljs';

/** The JSON and spreadsheet shapes of the stock status (@yawar/api's supply-stock.ts declares them). */

export function presentRuleSet(ruleSet: StockRuleSet) {
  return {
    id: ruleSet.id,
    title: ruleSet.title,
    source: ruleSet.source,
    status: ruleSet.status,
    medDecimals: ruleSet.medDecimals,
    substockBelow: ruleSet.substockBelow,
    sobrestockAbove: ruleSet.sobrestockAbove,
    cpmaWindowMonths: ruleSet.cpma.windowMonths,
    sinRotacion: ruleSet.sinRotacion,
    largeVolume: ruleSet.largeVolume ? { ...ruleSet.largeVolume } : null,
    isDefault: ruleSet.id === DEFAULT_STOCK_RULE_SET.id,
  };
}

export const presentRuleSets = () => STOCK_RULE_SETS.map(presentRuleSet);

export const availabilityLevels = () => AVAILABILITY_LEVELS.map((l) => ({ ...l }));

/** The formulas behind every figure, in the users' language, shown in tooltips and exports. */
export function stockFormulas(ruleSet: StockRuleSet) {
  const decimals =
    ruleSet.medDecimals === null
      ? 'sin redondear'
      : `redondeado a ${ruleSet.medDecimals} decimal(es) antes de comparar`;
  return {
    cpma: `CPMA = Σ consumo de los ${ruleSet.cpma.windowMonths} meses hasta el mes evaluado ÷ número de meses con consumo > 0 (0 si ninguno)`,
    med: `MED = stock final del mes ÷ CPMA, ${decimals}`,
    classes: `stock = 0 → desabastecido; CPMA = 0 con stock → sin rotación; MED < ${ruleSet.substockBelow} substock; ${ruleSet.substockBelow} ≤ MED ≤ ${ruleSet.sobrestockAbove} normostock; MED > ${ruleSet.sobrestockAbove} sobrestock; sin stock informado → sin dato`,
    ...STOCK_STATUS_FORMULAS,
  };
}

export function dataSourceText(simulated: boolean): string {
  return simulated
    ? 'SIMULADO: historial de consumo y stock generado para demostración, no son datos reales de SISMED'
    : 'Historial de consumo y stock importado (formato docs/formats/supply-history.md)';
}

export function presentArea(area: AreaStockStatus) {
  return { ...area, counts: { ...area.counts } };
}

export function presentEstablishment(e: StockEstablishment) {
  return {
    code: e.code,
    name: e.name,
    category: e.category,
    districtName: e.districtName,
    lat: e.lat,
    lon: e.lon,
    network: e.network,
    microred: e.microred,
    executingUnit: e.executingUnit,
    evaluated: e.evaluated,
    available: e.available,
    ratio: e.ratio,
    level: e.level,
    counts: { ...e.counts },
    simulated: e.simulated,
  };
}

/** The table as exported: one header row (Spanish column names), one row per area. */
export const tabular = stockStatusTable;

/** An XLSX with the table and a second sheet saying where every number comes from. */
export async function stockWorkbook(
  meta: { ruleSet: StockRuleSet; month: string | null; simulated: boolean; level: string },
  table: ReturnType<typeof tabular>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yawar';
  const sheet = workbook.addWorksheet('Disponibilidad');
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const about = workbook.addWorksheet('Fuente y método');
  for (const [key, value] of [
    ['Datos', dataSourceText(meta.simulated)],
    ['Mes evaluado', meta.month ?? 'sin datos'],
    ['Nivel', meta.level],
    ['Regla', `${meta.ruleSet.id}: ${meta.ruleSet.title}`],
    ['Fuente de la regla', meta.ruleSet.source],
    ...Object.entries(stockFormulas(meta.ruleSet)).map(([k, v]) => [`Fórmula (${k})`, v]),
    ['Generado', new Date().toISOString()],
  ]) {
    about.addRow([key, value]);
  }
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
