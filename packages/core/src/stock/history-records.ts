import { readRecords, type CellReader, type CsvSource } from '../reference/cells.js';
import { IssueLog, type ImportIssue } from '../reference/issues.js';
import { daysInMonth, isMonth } from '../supply/months.js';

/**
 * Monthly logistics history (consumption and stock per site, product and month) in the layout of
 * docs/formats/supply-history.md, validated row by row against the registries the caller hands in.
 * Every bad cell is reported with its row and column; one bad row refuses the whole file.
 */
export const SUPPLY_HISTORY_REQUIRED_COLUMNS = [
  'unidad_ejecutora',
  'establecimiento',
  'producto',
  'mes',
  'consumo',
  'stock_final',
  'dias_desabastecimiento',
] as const;
/**
 * `perdidas` and `en_transito` default to 0; `tasa_reporte` is checked ({@link readReportingRate})
 * and not stored on import.
 */
export const SUPPLY_HISTORY_OPTIONAL_COLUMNS = ['perdidas', 'en_transito', 'tasa_reporte'] as const;

/** Largest quantity accepted in one cell: far above any site's month, well below float trouble. */
const MAX_QUANTITY = 1e9;

/** One site, product and month, as stored (quantities in the product's dispensing unit). */
export interface SupplyHistoryRow {
  /** SIAF code of the executing unit, without leading zeros ("785"). */
  readonly executingUnitCode: string;
  /** RENIPRESS code (8 digits); null for the executing unit's own warehouse. */
  readonly establishmentCode: string | null;
  readonly resourceCode: string;
  /** `YYYY-MM`. */
  readonly month: string;
  readonly consumption: number;
  /** Null when the site did not report its stock. */
  readonly stockEnd: number | null;
  readonly stockoutDays: number;
  readonly losses: number;
  readonly inTransit: number;
}

export interface SupplyHistoryRecord extends SupplyHistoryRow {
  /** Line in the file (the header is line 1). */
  readonly line: number;
}

export interface SupplyHistoryContext {
  readonly executingUnits: ReadonlySet<string>;
  /** Registered establishments with the executing unit they are assigned to, if any. */
  readonly establishments: ReadonlyMap<string, { readonly executingUnitCode: string | null }>;
  /** Codes of the strategic-resource catalogue. */
  readonly resources: ReadonlySet<string>;
  /** ISO date (normally today): months after this one are refused. */
  readonly today: string;
  /** When given, whether the importing user may write this site's history (their scope). */
  readonly isInScope?: (site: {
    readonly executingUnitCode: string;
    readonly establishmentCode: string | null;
  }) => boolean;
}

export type SupplyHistoryValidation =
  | {
      readonly ok: true;
      readonly records: readonly SupplyHistoryRecord[];
      readonly warnings: readonly ImportIssue[];
    }
  | {
      readonly ok: false;
      readonly errors: readonly ImportIssue[];
      readonly warnings: readonly ImportIssue[];
    };

/** What makes two rows the same: one site (unit + establishment or warehouse), product and month. */
export const supplyHistoryKey = (
  r: Pick<SupplyHistoryRow, 'executingUnitCode' | 'establishmentCode' | 'resourceCode' | 'month'>,
): string => `${r.executingUnitCode}|${r.establishmentCode ?? ''}|${r.resourceCode}|${r.month}`;

/** `log` may cap the errors it keeps (IssueLogOptions.keep) and send each to a file as found. */
export function validateSupplyHistory(
  source: CsvSource,
  context: SupplyHistoryContext,
  log: IssueLog = new IssueLog(),
): SupplyHistoryValidation {
  const firstLineOf = new Map<string, number>();
  const warned = new Set<string>();
  const records = readRecords(source, SUPPLY_HISTORY_REQUIRED_COLUMNS, log, (cells) => {
    const record = readRecord(cells, context, (code, unit) => {
      // One warning per establishment, not one per product and month.
      if (warned.has(code)) return;
      warned.add(code);
      log.warn(
        source.file,
        cells.line,
        'establecimiento',
        `${code} has no executing unit on record; taken as served by unit ${unit}`,
      );
    });
    if (!record) return undefined;
    const key = supplyHistoryKey(record);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      return cells.fail(
        null,
        `duplicate of row ${first}: same executing unit, establishment, product and month`,
      );
    }
    firstLineOf.set(key, cells.line);
    return record;
  });
  return log.errorCount > 0
    ? { ok: false, errors: log.errors, warnings: log.warnings }
    : { ok: true, records, warnings: log.warnings };
}

function readRecord(
  cells: CellReader,
  context: SupplyHistoryContext,
  warnUnassigned: (establishment: string, unit: string) => void,
): SupplyHistoryRecord | undefined {
  const executingUnitCode = readUnit(cells, context);
  const establishmentCode =
    cells.raw('establecimiento') === '' ? null : cells.code('establecimiento', 8);
  const resourceCode = readResource(cells, context);
  const month = readMonth(cells, context.today);
  const consumption = requiredQuantity(cells, 'consumo');
  const stockEnd = cells.optionalNumber('stock_final', 0, MAX_QUANTITY);
  const stockoutDays = readStockoutDays(cells, month);
  const losses = defaultZero(cells, 'perdidas');
  const inTransit = defaultZero(cells, 'en_transito');
  // Not stored (the database rebuilds the rate from the rows), but a wrong one refuses the file.
  const reportingRate = readReportingRate(cells);
  // The site is checked whatever else is wrong in the row, so one pass reports everything.
  if (executingUnitCode && establishmentCode) {
    checkEstablishment(cells, context, establishmentCode, executingUnitCode, warnUnassigned);
  }
  if (executingUnitCode && establishmentCode !== undefined && context.isInScope) {
    if (!context.isInScope({ executingUnitCode, establishmentCode })) {
      cells.fail(
        establishmentCode ? 'establecimiento' : 'unidad_ejecutora',
        `${establishmentCode ?? `the warehouse of unit ${executingUnitCode}`} is outside your scope`,
      );
    }
  }
  if (
    !executingUnitCode ||
    establishmentCode === undefined ||
    !resourceCode ||
    !month ||
    consumption === undefined ||
    stockEnd === undefined ||
    stockoutDays === undefined ||
    losses === undefined ||
    inTransit === undefined ||
    reportingRate === undefined ||
    !cells.ok
  ) {
    return undefined;
  }
  return {
    line: cells.line,
    executingUnitCode,
    establishmentCode,
    resourceCode,
    month,
    consumption,
    stockEnd,
    stockoutDays,
    losses,
    inTransit,
  };
}

/** A SIAF code; spreadsheets and SIAF exports may pad it ("000785") or make it "785.0". */
function readUnit(cells: CellReader, context: SupplyHistoryContext): string | undefined {
  const text = cells.text('unidad_ejecutora');
  if (text === undefined) return undefined;
  const digits = text.replace(/\.0+$/, '');
  if (!/^\d{1,6}$/.test(digits) || /^0+$/.test(digits)) {
    return cells.fail('unidad_ejecutora', `"${text}" is not a SIAF executing-unit code`);
  }
  const code = digits.replace(/^0+/, '');
  return context.executingUnits.has(code)
    ? code
    : cells.fail('unidad_ejecutora', `${code} is not a known executing unit`);
}

function readResource(cells: CellReader, context: SupplyHistoryContext): string | undefined {
  const text = cells.text('producto');
  if (text === undefined) return undefined;
  const code = text.toUpperCase();
  return context.resources.has(code)
    ? code
    : cells.fail('producto', `"${text}" is not a product of the strategic-resource catalogue`);
}

/**
 * `YYYY-MM`; also `YYYY-MM-01`, which is what Excel turns a typed month into. Any other day is
 * refused rather than guessed: it may be a date typed in the wrong column.
 */
function readMonth(cells: CellReader, today: string): string | undefined {
  const text = cells.text('mes');
  if (text === undefined) return undefined;
  const month = /^\d{4}-\d{2}-01$/.test(text) ? text.slice(0, 7) : text;
  if (!isMonth(month)) return cells.fail('mes', `"${text}" is not a month (YYYY-MM)`);
  if (month > today.slice(0, 7)) return cells.fail('mes', `${month} is in the future`);
  return month;
}

/**
 * `tasa_reporte`: for a row that sums several sub-sites, the share of them that reported, a number
 * in (0, 1] (docs/formats/supply-history.md); empty is 1. Zero is refused (a site that did not
 * report has no row), and so is a percentage such as 85, rather than guessed as 0.85.
 */
export function readReportingRate(cells: CellReader): number | undefined {
  const column = 'tasa_reporte';
  const value = cells.optionalNumber(column, -Infinity, Infinity);
  if (value === null) return 1;
  if (value === undefined) return undefined;
  if (value <= 0)
    return cells.fail(column, `${value} is not above 0 (a site that did not report has no row)`);
  if (value > 1) {
    const hint = value <= 100 ? `; a percentage? write ${value / 100}` : '';
    return cells.fail(column, `${value} is above 1: the share of sub-sites that reported${hint}`);
  }
  return value;
}

function requiredQuantity(cells: CellReader, column: string): number | undefined {
  const value = cells.optionalNumber(column, 0, MAX_QUANTITY);
  return value === null ? cells.fail(column, 'is empty') : value;
}

function defaultZero(cells: CellReader, column: string): number | undefined {
  const value = cells.optionalNumber(column, 0, MAX_QUANTITY);
  return value === null ? 0 : value;
}

function readStockoutDays(cells: CellReader, month: string | undefined): number | undefined {
  const max = month ? daysInMonth(month) : 31;
  const value = cells.optionalNumber('dias_desabastecimiento', 0, max);
  if (value === null) return cells.fail('dias_desabastecimiento', 'is empty');
  if (value === undefined) return undefined;
  if (!Number.isInteger(value))
    return cells.fail('dias_desabastecimiento', `${value} is not a whole number of days`);
  return value;
}

function checkEstablishment(
  cells: CellReader,
  context: SupplyHistoryContext,
  code: string,
  unit: string,
  warnUnassigned: (establishment: string, unit: string) => void,
): void {
  const establishment = context.establishments.get(code);
  if (!establishment) {
    cells.fail('establecimiento', `${code} is not a registered establishment`);
  } else if (establishment.executingUnitCode === null) {
    warnUnassigned(code, unit);
  } else if (establishment.executingUnitCode !== unit) {
    cells.fail(
      'establecimiento',
      `${code} belongs to executing unit ${establishment.executingUnitCode}, not ${unit}`,
    );
  }
}
