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

/**
 * The programme a sheet was exported from (issue 10, finding 8: a sheet exported for one
 * executing unit used to import into another's programme). The export writes these rows in the
 * workbook's "Fuente y método" sheet; the import refuses a sheet that does not name the
 * programme it is loaded into, or names none.
 */
export const SHEET_ABOUT_SHEET = 'Fuente y método';
export const SHEET_IDENTITY_LABELS = {
  programmeId: 'Programación (id)',
  roundId: 'Ronda (id)',
  unitCode: 'Unidad ejecutora (código)',
} as const;

export interface SheetIdentity {
  readonly programmeId: number;
  readonly roundId: number;
  readonly unitCode: string;
}

/** The rows the export writes, label then value. */
export function sheetIdentityRows(identity: SheetIdentity): [string, string][] {
  const l = SHEET_IDENTITY_LABELS;
  return [
    [l.programmeId, String(identity.programmeId)],
    [l.roundId, String(identity.roundId)],
    [l.unitCode, identity.unitCode],
  ];
}

/** The identity read back from the about sheet's label → value rows; null when incomplete. */
export function readSheetIdentity(rows: ReadonlyMap<string, string>): SheetIdentity | null {
  const l = SHEET_IDENTITY_LABELS;
  const programme = (rows.get(l.programmeId) ?? '').trim();
  const round = (rows.get(l.roundId) ?? '').trim();
  const unitCode = (rows.get(l.unitCode) ?? '').trim().replace(/^0+/, '');
  if (
    !/^[1-9]\d{0,9}$/.test(programme) ||
    !/^[1-9]\d{0,9}$/.test(round) ||
    !/^[1-9]\d{0,5}$/.test(unitCode)
  )
    return null;
  return { programmeId: Number(programme), roundId: Number(round), unitCode };
}

export type SheetIdentityProblem =
  | { readonly code: 'sheet_without_programme'; readonly message: string }
  | {
      readonly code: 'sheet_other_programme';
      readonly message: string;
      readonly found: SheetIdentity;
    };

/** Why a sheet may not be imported into the `expected` programme, in Spanish for the planner. */
export function sheetIdentityProblem(
  found: SheetIdentity | null,
  expected: SheetIdentity,
): SheetIdentityProblem | null {
  if (!found)
    return {
      code: 'sheet_without_programme',
      message:
        'La hoja no indica de qué programación se exportó (falta la hoja «Fuente y método» o sus ' +
        'filas de identificación). Exporte la hoja de esta programación, haga sus cambios en ella ' +
        'e impórtela. No se cambió nada.',
    };
  const same =
    found.programmeId === expected.programmeId &&
    found.roundId === expected.roundId &&
    found.unitCode === expected.unitCode;
  if (same) return null;
  return {
    code: 'sheet_other_programme',
    message:
      `Esta hoja se exportó de otra programación (unidad ejecutora ${found.unitCode}, ` +
      `programación ${found.programmeId}, ronda ${found.roundId}) y no se puede importar en la ` +
      `de la unidad ejecutora ${expected.unitCode} (programación ${expected.programmeId}, ronda ` +
      `${expected.roundId}). Exporte la hoja de esta programación e impórtela. No se cambió nada.`,
    found,
  };
}
