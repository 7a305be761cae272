import { CellReader, hasColumns, type CsvSource } from '../reference/cells.js';
import type { IssueLog } from '../reference/issues.js';
import { isForecastMethod, type ForecastMethod } from '../supply/types.js';

/**
 * The programming sheet's Excel layout: the columns the export writes and the import reads back.
 * Only the unit's columns are read (method, its quantity, its justification); the others are
 * the system's figures and are recomputed, whatever the file says.
 */
export const SHEET_COLUMNS = {
  code: 'Código',
  product: 'Producto',
  dispensingUnit: 'Unidad de despacho',
  pack: 'Empaque',
  method: 'Método',
  cpma: 'CPMA',
  demand: 'Demanda del horizonte',
  safetyStock: 'Stock de seguridad',
  stockAvailable: 'Stock disponible',
  inTransit: 'En tránsito',
  prefill: 'Cantidad sugerida',
  unitQuantity: 'Cantidad UE',
  justification: 'Justificación',
  finalQuantity: 'Cantidad final',
  packs: 'Empaques',
  unitPrice: 'Precio unitario (S/)',
  cost: 'Costo (S/)',
} as const;

/** History columns are named `Consumo YYYY-MM`. */
export const consumptionColumn = (month: string) => `Consumo ${month}`;

export interface SheetLineChange {
  readonly resourceCode: string;
  readonly unitQuantity: number | null;
  readonly justification: string | null;
  readonly method: ForecastMethod;
}

/** Reads the unit's changes from a sheet; every bad cell is logged with its row and column. */
export function readSheetChanges(
  source: CsvSource,
  lines: ReadonlyMap<string, { readonly packSize: number }>,
  log: IssueLog,
): SheetLineChange[] {
  const c = SHEET_COLUMNS;
  if (!hasColumns(source, [c.code, c.method, c.unitQuantity, c.justification], log)) return [];
  const changes: SheetLineChange[] = [];
  const seen = new Set<string>();
  for (const record of source.table.records) {
    const cells = new CellReader(source, record, log);
    const code = cells.text(c.code);
    const line = code === undefined ? undefined : lines.get(code);
    if (code !== undefined && !line)
      cells.fail(c.code, `"${code}" is not a line of this programme`);
    if (code !== undefined && seen.has(code)) cells.fail(c.code, `"${code}" appears twice`);
    const method = cells.text(c.method);
    if (method !== undefined && !isForecastMethod(method))
      cells.fail(
        c.method,
        `"${method}" is not a method (cpma, moving_average, linear_regression, holt_winters, intervention)`,
      );
    const quantity = cells.optionalNumber(c.unitQuantity, 0, 1e12);
    if (line && typeof quantity === 'number' && quantity % line.packSize !== 0)
      cells.fail(c.unitQuantity, `${quantity} is not a whole number of packs of ${line.packSize}`);
    if (!cells.ok || code === undefined || method === undefined || quantity === undefined) continue;
    seen.add(code);
    changes.push({
      resourceCode: code,
      unitQuantity: quantity,
      justification: cells.optionalText(c.justification),
      method: method as ForecastMethod,
    });
  }
  return changes;
}
