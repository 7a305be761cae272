import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, type CsvTable } from '../csv/parse-csv.js';
import { toCsv } from '../csv/write-csv.js';
import {
  SCREENING_AGE_MONTHS,
  SCREENING_OPTIONAL_COLUMNS,
  SCREENING_REQUIRED_COLUMNS,
  validateScreeningRecords,
  type ScreeningContext,
} from '../screening/records.js';
import {
  SUPPLY_HISTORY_OPTIONAL_COLUMNS,
  SUPPLY_HISTORY_REQUIRED_COLUMNS,
  validateSupplyHistory,
  type SupplyHistoryContext,
} from '../stock/history-records.js';
import { daysInMonth, isMonth } from '../supply/months.js';
import { hasLoneSurrogate, hasNul } from '../text/visible.js';
import { IssueLog, type ImportIssue } from './issues.js';

/**
 * Issue 10 (hardening), fuzz suite of the two import validators: random rows and cells (NUL, lone
 * surrogates, huge numbers, impossible dates, empty cells, extra or missing cells, BOM, quotes).
 * Whatever the file, the validator does not throw, every refused row is reported with its row and
 * column, accepted rows keep the documented invariants, and a capped log keeps at most N errors.
 */

const FILE = 'fuzz.csv';
const RUNS = { numRuns: 300 };

/** Cells a careless file or an attacker may hold, mixed with plausible values of every column. */
const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00',
  '\uFEFF',
  '"',
  '""',
  'a,b',
  'line\nbreak',
  '1e308',
  '1e309',
  '-1e308',
  '9'.repeat(400),
  '-0',
  '0x10',
  'Infinity',
  'NaN',
  'NA',
  'S.I.',
  '2026-02-30',
  '2025-02-29',
  '2024-02-29',
  '31/02/2024',
  '2024-13-01',
  '99999-01-01',
  '0000-01-01',
  '2026-00',
  '2026-13',
  '2025-06-15',
  '2025-06-01',
);
const plausible = fc.constantFrom(
  'DNI',
  'CNV',
  '1',
  '6',
  '45871236',
  '1234567890',
  '2024-01-15',
  '15/01/2024',
  '2025-01-20',
  'F',
  'M',
  'mujer',
  '10.8',
  '3',
  '25',
  '25.01',
  '2.9',
  '4612',
  '00004612',
  '4210',
  '3100',
  '-100',
  '6001',
  '060101',
  '0601010002',
  '8.2',
  'SF-01',
  '785',
  '000785',
  '785.0',
  '787',
  '4710',
  '00005100',
  'FE-SF-GOT-30',
  'mmn-sob-1g',
  '2026-09',
  '2026-10-01',
  '2026-12',
  '18',
  '0',
  '31',
  '28',
  '0.5',
  '1',
  '85',
);
const cell = fc.oneof(
  { weight: 4, arbitrary: plausible },
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** A header: the required columns (one may be missing), optional ones, an unknown one, shuffled. */
const header = (required: readonly string[], optional: readonly string[]) =>
  fc
    .record({
      dropped: fc.oneof(
        { weight: 7, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(...required) },
      ),
      optional: fc.subarray([...optional]),
      extra: fc.boolean(),
    })
    .chain(({ dropped, optional: chosen, extra }) =>
      fc.shuffledSubarray(
        [...required.filter((c) => c !== dropped), ...chosen, ...(extra ? ['otra'] : [])],
        { minLength: required.length - (dropped ? 1 : 0) + chosen.length + (extra ? 1 : 0) },
      ),
    );

/** A row that passes, by column, to mutate: most bugs hide one bad cell away from a good row. */
type Row = Readonly<Record<string, fc.Arbitrary<string>>>;

const goodScreening: Row = {
  tipo_doc: fc.constantFrom('DNI', '1', 'dni'),
  num_doc: fc.integer({ min: 10_000_000, max: 99_999_999 }).map(String),
  fecha_nacimiento: fc.constantFrom('2023-01-15', '15/01/2023', '2021-02-28'),
  sexo: fc.constantFrom('F', 'M', 'Mujer'),
  fecha_dosaje: fc.constantFrom('2025-01-20', '20/01/2025'),
  hemoglobina: fc.integer({ min: 30, max: 250 }).map((t) => (t / 10).toFixed(1)),
  codigo_renipress: fc.constantFrom('4612', '00004210'),
  altitud_msnm: fc.constantFrom('', '3100'),
  ubigeo_residencia: fc.constantFrom('', '060101'),
  codigo_ccpp: fc.constantFrom('', '0601010002'),
  peso_kg: fc.constantFrom('', '8.2'),
  // Free text, stored as written: where a NUL or a lone surrogate would reach the database.
  codigo_suplemento: fc.oneof(
    fc.constantFrom('', 'SF-01'),
    nasty,
    fc.string({ unit: 'binary', maxLength: 6 }),
  ),
};

const goodSupply: Row = {
  unidad_ejecutora: fc.constantFrom('785', '000785', '785.0'),
  establecimiento: fc.constantFrom('', '4710', '00004612'),
  producto: fc.constantFrom('FE-SF-GOT-30', 'mmn-sob-1g'),
  mes: fc.integer({ min: 1, max: 11 }).map((m) => `2026-${String(m).padStart(2, '0')}`),
  consumo: fc.nat(100_000).map(String),
  stock_final: fc.oneof(fc.constant(''), fc.nat(100_000).map(String)),
  dias_desabastecimiento: fc.nat(28).map(String),
  perdidas: fc.constantFrom('', '0', '3'),
  en_transito: fc.constantFrom('', '0', '300'),
  tasa_reporte: fc.constantFrom('', '1', '0.5'),
};

/** One record for the header: a good row with 0–2 cells replaced, or random cells throughout. */
const row = (columns: readonly string[], good: Row) =>
  fc.oneof(
    fc
      .tuple(
        fc.tuple(...columns.map((c) => good[c] ?? cell)),
        fc.array(fc.tuple(fc.nat(columns.length - 1), cell), { maxLength: 2 }),
      )
      .map(([values, changes]) => {
        const mutated = [...values];
        for (const [at, value] of changes) mutated[at] = value;
        return mutated;
      }),
    fc.array(cell, { minLength: columns.length, maxLength: columns.length }),
  );

/** Records of the header's width: now and then a cell short or one too many. */
const records = (columns: readonly string[], good: Row) =>
  fc.array(
    fc.record({
      cells: row(columns, good),
      width: fc.oneof(
        { weight: 12, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.constantFrom(-1, 1) },
      ),
    }),
    { maxLength: 25 },
  );

/** A table as parseCsv would hand it, with lines numbered from 2 (the header is line 1). */
const table = (required: readonly string[], optional: readonly string[], good: Row) =>
  header(required, optional).chain((columns) =>
    records(columns, good).map((rows): CsvTable => ({
      header: columns,
      records: rows.map((r, i) => ({
        line: i + 2,
        values:
          r.width < 0
            ? r.cells.slice(0, -1)
            : r.width > 0
              ? [...r.cells, ''] // an extra cell
              : r.cells,
      })),
    })),
  );

const screeningContext: ScreeningContext = {
  establishments: new Map([
    ['00004612', { districtUbigeo: '060101', altitudeM: null }],
    ['00004210', { districtUbigeo: '060801', altitudeM: 729 }],
  ]),
  districts: new Map([
    ['060101', { capitalAltitudeM: 2731 }],
    ['060801', { capitalAltitudeM: 740 }],
  ]),
  populatedPlaces: new Map([['0601010002', { districtUbigeo: '060101', altitudeM: null }]]),
  pseudonymise: (kind, raw) => `${kind}:${raw}`,
  today: '2025-12-31',
};

const supplyContext: SupplyHistoryContext = {
  executingUnits: new Set(['785', '787']),
  establishments: new Map([
    ['00004710', { executingUnitCode: '785' }],
    ['00005100', { executingUnitCode: '787' }],
    ['00004612', { executingUnitCode: null }],
  ]),
  resources: new Set(['FE-SF-GOT-30', 'MMN-SOB-1G']),
  today: '2026-11-22',
};

const isRealDate = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

/** The located-error contract shared by both validators. */
function expectLocated(errors: readonly ImportIssue[], source: { table: CsvTable }) {
  const lines = new Set(source.table.records.map((r) => r.line));
  for (const e of errors) {
    expect(e.file).toBe(FILE);
    if (e.row === 1) {
      // Only a missing required column is reported on the header line.
      expect(e.reason).toBe('required column is missing');
    } else {
      expect(lines.has(e.row)).toBe(true);
      if (e.column !== null) expect(source.table.header).toContain(e.column);
    }
    expect(e.reason.length).toBeGreaterThan(0);
  }
}

/** Every record was either accepted or refused with at least one error on its row. */
function expectEveryRowAccounted(
  source: { table: CsvTable },
  errors: readonly ImportIssue[],
  acceptedLines: readonly number[],
) {
  const refused = new Set(errors.map((e) => e.row));
  const accepted = new Set(acceptedLines);
  if (refused.has(1)) return; // a missing column: nothing is read
  for (const { line } of source.table.records) {
    expect(accepted.has(line) !== refused.has(line)).toBe(true);
  }
}

/** A stored text must be storable: PostgreSQL holds no NUL and UTF-8 no lone surrogate. */
const storable = (text: string | null) =>
  text === null || (!hasNul(text) && !hasLoneSurrogate(text));

describe('screening records validator, fuzzed', () => {
  const tables = table(SCREENING_REQUIRED_COLUMNS, SCREENING_OPTIONAL_COLUMNS, goodScreening);

  it('never throws; refused rows are located; accepted rows keep the documented invariants', () => {
    let accepted = 0;
    fc.assert(
      fc.property(tables, (t) => {
        const source = { file: FILE, table: t };
        const log = new IssueLog();
        const result = validateScreeningRecords(source, screeningContext, log);
        accepted += result.records.length;
        expect(result.ok).toBe(log.errorCount === 0);
        const errors = result.ok ? [] : result.errors;
        expect(errors).toHaveLength(log.errorCount);
        expectLocated(errors, source);
        expectEveryRowAccounted(
          source,
          errors,
          result.records.map((r) => r.line),
        );
        for (const r of result.records) {
          expect(r.hbTenths).toBeGreaterThanOrEqual(30);
          expect(r.hbTenths).toBeLessThanOrEqual(250);
          expect(Number.isInteger(r.hbTenths)).toBe(true);
          expect(isRealDate(r.birthDate)).toBe(true);
          expect(isRealDate(r.testDate)).toBe(true);
          expect(r.testDate >= r.birthDate && r.testDate <= screeningContext.today).toBe(true);
          expect(r.ageMonths).toBeGreaterThanOrEqual(SCREENING_AGE_MONTHS.min);
          expect(r.ageMonths).toBeLessThanOrEqual(SCREENING_AGE_MONTHS.max);
          expect(['F', 'M']).toContain(r.sex);
          expect(screeningContext.establishments.has(r.establishmentCode)).toBe(true);
          expect(Number.isFinite(r.altitudeM)).toBe(true);
          if (r.weightKg !== null) expect(r.weightKg >= 2 && r.weightKg <= 40).toBe(true);
          expect(storable(r.supplementationCode)).toBe(true);
          expect(storable(r.childKey)).toBe(true);
        }
      }),
      RUNS,
    );
    // The generator reaches accepted rows, so the invariants above were exercised.
    expect(accepted).toBeGreaterThan(100);
  });

  it('refuses a NUL or a lone surrogate in free text (found by this suite), the value not repeated', () => {
    const columns = [...SCREENING_REQUIRED_COLUMNS, 'codigo_suplemento'];
    const good = ['DNI', '45871236', '2023-01-15', 'F', '2025-01-20', '10.8', '4612'];
    const result = validateScreeningRecords(
      {
        file: FILE,
        table: {
          header: columns,
          records: [
            { line: 2, values: [...good, 'SF\u000001'] },
            { line: 3, values: [...good.slice(0, 5), '11.0', '4612', 'SF\uD800'] },
          ],
        },
      },
      screeningContext,
    );
    const reason = 'holds a NUL character or broken text (a lone surrogate)';
    expect(result).toMatchObject({
      ok: false,
      records: [],
      errors: [
        { file: FILE, row: 2, column: 'codigo_suplemento', reason },
        { file: FILE, row: 3, column: 'codigo_suplemento', reason },
      ],
    });
  });

  it('a capped log keeps the first N errors and counts every one', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 0, max: 5 }), (t, keep) => {
        const source = { file: FILE, table: t };
        const whole = new IssueLog();
        validateScreeningRecords(source, screeningContext, whole);
        const capped = new IssueLog({ keep });
        const result = validateScreeningRecords(source, screeningContext, capped);
        expect(capped.errors.length).toBeLessThanOrEqual(keep);
        expect(capped.errorCount).toBe(whole.errorCount);
        expect(capped.errors).toEqual(whole.errors.slice(0, keep));
        expect(capped.summary().total).toBe(whole.errorCount);
        if (!result.ok) expect(result.errors.length).toBeLessThanOrEqual(keep);
      }),
      RUNS,
    );
  });
});

describe('supply history validator, fuzzed', () => {
  const tables = table(
    SUPPLY_HISTORY_REQUIRED_COLUMNS,
    SUPPLY_HISTORY_OPTIONAL_COLUMNS,
    goodSupply,
  );

  it('never throws; refused rows are located; accepted rows keep the documented invariants', () => {
    let accepted = 0;
    fc.assert(
      fc.property(tables, (t) => {
        const source = { file: FILE, table: t };
        const log = new IssueLog();
        const result = validateSupplyHistory(source, supplyContext, log);
        if (result.ok) accepted += result.records.length;
        expect(result.ok).toBe(log.errorCount === 0);
        if (!result.ok) {
          expect(result.errors).toHaveLength(log.errorCount);
          expectLocated(result.errors, source);
          return;
        }
        // Accepted: every row became a record, each within the documented ranges.
        expect(result.records.map((r) => r.line)).toEqual(t.records.map((r) => r.line));
        const quantity = (n: number) => Number.isFinite(n) && n >= 0 && n <= 1e9;
        for (const r of result.records) {
          expect(supplyContext.executingUnits.has(r.executingUnitCode)).toBe(true);
          expect(supplyContext.resources.has(r.resourceCode)).toBe(true);
          expect(isMonth(r.month) && r.month <= supplyContext.today.slice(0, 7)).toBe(true);
          expect(quantity(r.consumption) && quantity(r.losses) && quantity(r.inTransit)).toBe(true);
          if (r.stockEnd !== null) expect(quantity(r.stockEnd)).toBe(true);
          expect(Number.isInteger(r.stockoutDays)).toBe(true);
          expect(r.stockoutDays >= 0 && r.stockoutDays <= daysInMonth(r.month)).toBe(true);
          if (r.establishmentCode !== null) {
            const unit = supplyContext.establishments.get(r.establishmentCode)?.executingUnitCode;
            expect(unit === null || unit === r.executingUnitCode).toBe(true);
          }
        }
      }),
      RUNS,
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('refuses a row exactly when it is refused on its own (no row hides another)', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const result = validateSupplyHistory({ file: FILE, table: t }, supplyContext);
        if (result.ok || result.errors.some((e) => e.row === 1)) return;
        const refused = new Set(result.errors.map((e) => e.row));
        for (const record of t.records) {
          const alone = validateSupplyHistory(
            { file: FILE, table: { header: t.header, records: [record] } },
            supplyContext,
          );
          // A row fine on its own is refused in the file only as a duplicate of an earlier one.
          if (!alone.ok) expect(refused.has(record.line)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('a capped log keeps the first N errors and counts every one', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 0, max: 5 }), (t, keep) => {
        const source = { file: FILE, table: t };
        const whole = new IssueLog();
        validateSupplyHistory(source, supplyContext, whole);
        const capped = new IssueLog({ keep });
        validateSupplyHistory(source, supplyContext, capped);
        expect(capped.errors.length).toBeLessThanOrEqual(keep);
        expect(capped.errorCount).toBe(whole.errorCount);
        expect(capped.errors).toEqual(whole.errors.slice(0, keep));
      }),
      RUNS,
    );
  });
});

describe('CSV text through the parser, fuzzed', () => {
  /** Text written as a file would be: quoted cells, sometimes a BOM, CRLF or a stray quote. */
  const text = fc
    .record({
      bom: fc.boolean(),
      crlf: fc.boolean(),
      stray: fc.boolean(),
      columns: header(SUPPLY_HISTORY_REQUIRED_COLUMNS, SUPPLY_HISTORY_OPTIONAL_COLUMNS),
      rows: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 10 }),
    })
    .map(({ bom, crlf, stray, columns, rows }) => {
      let csv = toCsv(columns, rows);
      if (crlf) csv = csv.replace(/\n/g, '\r\n');
      if (stray) csv += '"unterminated';
      return (bom ? '\uFEFF' : '') + csv;
    });

  it('parses or refuses with a located CsvSyntaxError; both validators never throw', () => {
    fc.assert(
      fc.property(text, (csv) => {
        let parsed: CsvTable;
        try {
          parsed = parseCsv(csv);
        } catch (error) {
          expect(error).toBeInstanceOf(CsvSyntaxError);
          expect((error as CsvSyntaxError).line).toBeGreaterThanOrEqual(1);
          return;
        }
        expect(parsed.header[0]?.startsWith('\uFEFF')).toBe(false);
        const source = { file: FILE, table: parsed };
        const supply = validateSupplyHistory(source, supplyContext);
        if (!supply.ok) expectLocated(supply.errors, source);
        const screening = validateScreeningRecords(source, screeningContext);
        if (!screening.ok) expectLocated(screening.errors, source);
      }),
      RUNS,
    );
  });
});
