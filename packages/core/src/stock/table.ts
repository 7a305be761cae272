import type { AreaStockStatus } from './status.js';

/** Column names of the stock-status table as exported (CSV, XLSX, CLI): Spanish, like the file formats. */
export const STOCK_STATUS_COLUMNS = [
  'codigo_area',
  'area',
  'establecimientos',
  'establecimientos_evaluados',
  'productos_evaluados',
  'productos_disponibles',
  'disponibilidad_pct',
  'nivel',
  'desabastecido',
  'sin_rotacion',
  'substock',
  'normostock',
  'sobrestock',
  'sin_dato',
  'simulado',
  'red',
  'microrred',
] as const;

/** One row per area; availability in percent with one decimal. */
export function stockStatusTable(items: readonly AreaStockStatus[]): {
  header: string[];
  rows: (string | number | null)[][];
} {
  const rows = items.map((i) => [
    i.areaCode,
    i.areaName,
    i.establishments,
    i.establishmentsEvaluated,
    i.evaluated,
    i.available,
    i.ratio === null ? null : Math.round(i.ratio * 1000) / 10,
    i.level,
    i.counts.desabastecido,
    i.counts.sin_rotacion,
    i.counts.substock,
    i.counts.normostock,
    i.counts.sobrestock,
    i.counts.sin_dato,
    i.simulated ? 'si' : 'no',
    i.network,
    i.microred,
  ]);
  return { header: [...STOCK_STATUS_COLUMNS], rows };
}
