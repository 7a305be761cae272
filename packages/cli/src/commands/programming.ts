import fs from 'node:fs';
import path from 'node:path';
import {
  addMonths,
  aggregateSiteHistory,
  computeProgrammingLine,
  CsvSyntaxError,
  daysInMonth,
  DEFAULT_PROGRAMMING_PARAMETERS,
  formatIssue,
  isForecastMethod,
  isMonth,
  IssueLog,
  monthIndex,
  parameterProblems,
  parseCsv,
  readRecords,
  readReportingRate,
  toCsv,
  type CellReader,
  type ForecastMethod,
  type LineProduct,
  type ProgrammingParameters,
  type SiteMonthRecord,
} from '@yawar/core';
import type { Command } from 'commander';
import { CliError, type CliIo } from '../io.js';

/** Columns of docs/formats/supply-history.md; `perdidas`, `en_transito`, `tasa_reporte` are optional. */
const REQUIRED = [
  'unidad_ejecutora',
  'establecimiento',
  'producto',
  'mes',
  'consumo',
  'stock_final',
  'dias_desabastecimiento',
] as const;
const MAX_QUANTITY = 1e9;
const OUTPUT = [
  'unidad_ejecutora',
  'producto',
  'metodo',
  'cpma',
  'demanda',
  'stock_seguridad',
  'stock_disponible',
  'en_transito',
  'necesidad_neta',
  'envases',
  'cantidad',
  'costo',
  'advertencias',
];

interface ProgrammingParams {
  readonly parameters: ProgrammingParameters;
  readonly products: ReadonlyMap<string, LineProduct>;
  readonly methods: ReadonlyMap<string, ForecastMethod>;
  readonly horizonStart: string | null;
}

export function registerProgrammingCommands(program: Command, io: CliIo): void {
  const programming = program
    .command('programming')
    .description('Annual programming of strategic health resources (CENARES-style needs)');
  programming
    .command('compute')
    .description(
      'Needs per executing unit and product from a monthly history (docs/formats/supply-history.md)',
    )
    .argument('<history>', 'CSV file: one row per establishment, product and month')
    .requiredOption(
      '--params <file>',
      'JSON: {"parameters": {...}, "products": {"<code>": {"packSize": n, "unitPrice": x}}, "methods": {"<code>": "holt_winters"}, "horizonStart": "YYYY-MM"}',
    )
    .option('--format <format>', 'csv or json', 'csv')
    .option('-o, --output <file>', 'write the result here instead of standard output')
    .addHelpText(
      'after',
      '\nEstablishments are added up per executing unit, product and month. Every bad row is reported\n(file:row [column] reason) and nothing is computed. The method is a reconstruction to be\nvalidated against the CENARES directive: docs/methods/supply-quantification.md.',
    )
    .action((history: string, options: { params: string; format: string; output?: string }) => {
      if (options.format !== 'csv' && options.format !== 'json')
        throw new CliError('--format must be csv or json');
      const log = new IssueLog();
      const params = readParams(io, options.params, log);
      const rows = readHistory(io, history, params, log);
      if (log.errors.length > 0) {
        for (const issue of log.errors) io.err(formatIssue(issue));
        throw new CliError(`${log.errors.length} error(s) in the input; nothing was computed.`);
      }
      if (!params || rows.length === 0) throw new CliError(`${history} has no rows`);
      const latest = rows.reduce(
        (m, r) => (monthIndex(r.month) > monthIndex(m) ? r.month : m),
        rows[0]!.month,
      );
      const horizonStart = params.horizonStart ?? addMonths(latest, 1);
      const lines = aggregateSiteHistory(rows).map((line) => {
        const product = params.products.get(line.product) as LineProduct;
        const result = computeProgrammingLine({
          product,
          history: line.history,
          parameters: params.parameters,
          method: params.methods.get(line.product) ?? params.parameters.defaultMethod,
          horizonStart,
        });
        return { ...line, result };
      });
      const text =
        options.format === 'json'
          ? JSON.stringify({ horizonStart, parameters: params.parameters, lines }, null, 2) + '\n'
          : toCsv(
              OUTPUT,
              lines.map(({ executingUnit, product, result: r }) => [
                executingUnit,
                product,
                r.method,
                round(r.cpma),
                round(r.demand),
                round(r.safetyStock),
                round(r.stockAvailable),
                round(r.inTransit),
                round(r.netRequirement),
                r.packs,
                r.quantity,
                r.cost === null ? null : round(r.cost),
                r.warnings.join(' | '),
              ]),
            );
      if (options.output) fs.writeFileSync(path.resolve(io.cwd, options.output), text);
      else io.out(text.trimEnd());
      io.err(
        `${lines.length} lines from ${rows.length} rows; horizon ${horizonStart} + ${params.parameters.horizonMonths} months. Reconstruction [R]: validate against the CENARES directive.`,
      );
    });
}

const round = (value: number) => Math.round(value * 100) / 100;

function readJson(io: CliIo, file: string): unknown {
  const full = path.resolve(io.cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(full, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliError(`${file} does not exist`);
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads and checks params.json; every problem goes to the log as `file [path] reason`. */
function readParams(io: CliIo, file: string, log: IssueLog): ProgrammingParams | null {
  const json = readJson(io, file);
  const fail = (where: string | null, reason: string) => log.error(file, 0, where, reason);
  if (!isObject(json)) {
    fail(null, 'must be a JSON object');
    return null;
  }
  for (const key of Object.keys(json))
    if (!['parameters', 'products', 'methods', 'horizonStart'].includes(key))
      fail(key, 'unknown key');
  const errorsBefore = log.errors.length;
  const parameters = readParameters(json['parameters'], fail);
  const products = new Map<string, LineProduct>();
  if (!isObject(json['products'])) fail('products', 'must be an object of product codes');
  else
    for (const [key, value] of Object.entries(json['products'])) {
      const code = key.trim().toUpperCase();
      const where = `products.${key}`;
      if (!isObject(value)) {
        fail(where, 'must be {"packSize": n, "unitPrice": x}');
        continue;
      }
      const { packSize, unitPrice = null } = value;
      if (!(typeof packSize === 'number' && Number.isInteger(packSize) && packSize >= 1))
        fail(`${where}.packSize`, 'must be a whole number ≥ 1');
      else if (!(unitPrice === null || (typeof unitPrice === 'number' && unitPrice >= 0)))
        fail(`${where}.unitPrice`, 'must be a number ≥ 0 or null');
      else products.set(code, { code, packSize, unitPrice: unitPrice as number | null });
    }
  const methods = new Map<string, ForecastMethod>();
  if (json['methods'] !== undefined && !isObject(json['methods']))
    fail('methods', 'must be an object');
  for (const [key, value] of Object.entries(isObject(json['methods']) ? json['methods'] : {})) {
    if (typeof value !== 'string' || !isForecastMethod(value) || value === 'intervention')
      fail(
        `methods.${key}`,
        `must be cpma, moving_average, linear_regression or holt_winters (intervention needs the intervention tree)`,
      );
    else methods.set(key.trim().toUpperCase(), value);
  }
  const start = json['horizonStart'];
  if (start !== undefined && !(typeof start === 'string' && isMonth(start)))
    fail('horizonStart', 'must be a month YYYY-MM');
  if (log.errors.length > errorsBefore || !parameters) return null;
  return { parameters, products, methods, horizonStart: typeof start === 'string' ? start : null };
}

function readParameters(
  value: unknown,
  fail: (where: string, reason: string) => void,
): ProgrammingParameters | null {
  if (value === undefined) return DEFAULT_PROGRAMMING_PARAMETERS;
  if (!isObject(value)) {
    fail('parameters', 'must be an object');
    return null;
  }
  const defaults = DEFAULT_PROGRAMMING_PARAMETERS;
  const known = Object.keys(defaults);
  for (const key of Object.keys(value))
    if (!known.includes(key))
      fail(`parameters.${key}`, `unknown parameter (known: ${known.join(', ')})`);
  const hw = value['holtWinters'];
  if (hw !== undefined && !isObject(hw)) fail('parameters.holtWinters', 'must be an object');
  const merged = {
    ...defaults,
    ...value,
    holtWinters: { ...defaults.holtWinters, ...(isObject(hw) ? hw : {}) },
  } as ProgrammingParameters;
  const problems = parameterProblems(merged);
  if (merged.defaultMethod === 'intervention')
    problems.push('defaultMethod: intervention needs the intervention tree; not available here');
  for (const problem of problems) {
    const at = problem.indexOf(': ');
    fail(`parameters.${problem.slice(0, at)}`, problem.slice(at + 2));
  }
  return problems.length > 0 ? null : merged;
}

/** Reads every row; bad cells go to the log, good rows come back as site records. */
function readHistory(
  io: CliIo,
  file: string,
  params: ProgrammingParams | null,
  log: IssueLog,
): SiteMonthRecord[] {
  let table;
  try {
    table = parseCsv(fs.readFileSync(path.resolve(io.cwd, file), 'utf8'));
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new CliError(`${file}:${error.line} is not valid CSV: ${error.message}`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliError(`${file} does not exist`);
    throw error;
  }
  const firstLine = new Map<string, number>();
  return readRecords({ file, table }, REQUIRED, log, (cells) => {
    const row = readRow(cells, params);
    if (!row) return undefined;
    const key = [row.executingUnit, row.establishment ?? '', row.product, row.month].join('|');
    const first = firstLine.get(key);
    if (first !== undefined)
      return cells.fail(
        null,
        `duplicate of row ${first}: same executing unit, establishment, product and month`,
      );
    firstLine.set(key, cells.line);
    return row;
  });
}

function readRow(cells: CellReader, params: ProgrammingParams | null): SiteMonthRecord | undefined {
  const unitText = cells.text('unidad_ejecutora');
  const unitDigits = unitText?.replace(/\.0+$/, '');
  const executingUnit =
    unitDigits === undefined
      ? undefined
      : /^\d{1,6}$/.test(unitDigits) && !/^0+$/.test(unitDigits)
        ? unitDigits.replace(/^0+/, '')
        : cells.fail('unidad_ejecutora', `"${unitText}" is not a SIAF executing-unit code`);
  const establishment =
    cells.raw('establecimiento') === '' ? null : cells.code('establecimiento', 8);
  const productText = cells.text('producto');
  const product = productText?.toUpperCase();
  if (product && params && !params.products.has(product))
    cells.fail(
      'producto',
      `"${productText}" has no packSize/unitPrice in the params file's products`,
    );
  const monthText = cells.text('mes');
  const month = monthText && /^\d{4}-\d{2}-01$/.test(monthText) ? monthText.slice(0, 7) : monthText;
  if (month !== undefined && !isMonth(month))
    cells.fail('mes', `"${monthText}" is not a month (YYYY-MM)`);
  const consumption = cells.optionalNumber('consumo', 0, MAX_QUANTITY);
  if (consumption === null) cells.fail('consumo', 'is empty');
  const stockEnd = cells.optionalNumber('stock_final', 0, MAX_QUANTITY);
  const maxDays = month && isMonth(month) ? daysInMonth(month) : 31;
  const stockoutDays = cells.optionalNumber('dias_desabastecimiento', 0, maxDays);
  if (stockoutDays === null) cells.fail('dias_desabastecimiento', 'is empty');
  else if (stockoutDays !== undefined && !Number.isInteger(stockoutDays))
    cells.fail('dias_desabastecimiento', `${stockoutDays} is not a whole number of days`);
  const losses = cells.optionalNumber('perdidas', 0, MAX_QUANTITY);
  const inTransit = cells.optionalNumber('en_transito', 0, MAX_QUANTITY);
  const reportingRate = readReportingRate(cells);
  if (!cells.ok) return undefined;
  return {
    executingUnit: executingUnit as string,
    establishment: establishment ?? null,
    product: product as string,
    month: month as string,
    consumption: consumption as number,
    stockEnd: stockEnd ?? null,
    stockoutDays: stockoutDays as number,
    losses: losses ?? 0,
    inTransit: inTransit ?? 0,
    reportingRate: reportingRate ?? 1,
  };
}
