import { createUser, systemActor } from '@yawar/db';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  loginAs,
  withSession,
  type TestApp,
  type TestSession,
} from '../testing/test-app.js';

/**
 * Issue 10 (hardening), fuzz suite of both imports over HTTP (docs/methods/security.md, threats
 * considered): random CSV bodies, near-valid rows with a cell or two replaced by NUL, lone
 * surrogates, huge numbers, impossible dates, quotes, a BOM or a missing column, posted as an
 * authorised user. The answer is never 5xx; the job ends succeeded, or failed with located errors
 * (never the generic server failure); and a refused file writes nothing.
 */
let testApp: TestApp;
let planner: TestSession;
const PASSWORD = 'fuzz-pass-2026';
const RUNS = { numRuns: 40 };
/** What a job that failed on the server (not on the file) says: must never be seen here. */
const SERVER_FAILURE = 'the job failed on the server';

beforeAll(async () => {
  testApp = await createTestApp();
  await createUser(testApp.database.db, systemActor('test'), {
    username: 'fuzz.06',
    displayName: 'x',
    role: 'regional_planner',
    scope: { kind: 'department', code: '06' },
    password: PASSWORD,
  });
  planner = await loginAs(testApp.app, 'fuzz.06', PASSWORD);
});

afterAll(() => testApp.close());

/** Rows of every table an import may write. */
async function counts() {
  const db = testApp.database.db;
  const count = async (
    table: 'screening' | 'child' | 'screening_batch' | 'supply_history' | 'supply_batch',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    screening: await count('screening'),
    child: await count('child'),
    screeningBatch: await count('screening_batch'),
    supplyHistory: await count('supply_history'),
    supplyBatch: await count('supply_batch'),
  };
}

interface Job {
  status: string;
  message?: string | null;
  errorCount: number;
  errors: { file: string; row: number; column: string | null; reason: string }[];
  result: Record<string, unknown> | null;
}

async function finished(jobId: string): Promise<Job> {
  for (let i = 0; i < 1200; i++) {
    const job = (
      await testApp.app.inject({
        method: 'GET',
        url: `/api/jobs/${jobId}`,
        headers: withSession(planner),
      })
    ).json() as Job;
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the job did not finish');
}

/** Cells a careless file or an attacker may hold. */
const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00',
  '\uFEFF',
  '"',
  'a,b',
  'two\nlines',
  '1e308',
  '1e309',
  '-1e308',
  '9'.repeat(300),
  '0x10',
  'Infinity',
  'NaN',
  'NA',
  '2026-02-30',
  '31/02/2024',
  '2024-13-01',
  '99999-01-01',
  '2026-13',
  "'; DROP TABLE screening; --",
  '<script>alert(1)</script>',
  '=CMD()',
);
const cell = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

type Row = Readonly<Record<string, fc.Arbitrary<string>>>;

/** Department 06 establishments (Cajamarca) and dates giving ages within 6–59 months. */
const goodScreening: Row = {
  tipo_doc: fc.constantFrom('DNI', '1'),
  num_doc: fc.integer({ min: 10_000_000, max: 99_999_999 }).map(String),
  fecha_nacimiento: fc.constantFrom('2023-01-15', '15/01/2023'),
  sexo: fc.constantFrom('F', 'M'),
  fecha_dosaje: fc.constantFrom('2025-01-20', '2025-02-03'),
  hemoglobina: fc.integer({ min: 30, max: 250 }).map((t) => (t / 10).toFixed(1)),
  codigo_renipress: fc.constantFrom('4612', '4660'),
  altitud_msnm: fc.constantFrom('', '2750'),
  peso_kg: fc.constantFrom('', '9.1'),
  codigo_suplemento: fc.oneof(fc.constantFrom('', 'SF-01'), nasty),
};
const SCREENING_COLUMNS = [
  'tipo_doc',
  'num_doc',
  'fecha_nacimiento',
  'sexo',
  'fecha_dosaje',
  'hemoglobina',
  'codigo_renipress',
];

/** Unit 785: LLANGUAT (00004467) and CHUMUCH (00004479); '' is the unit's warehouse. */
const goodSupply: Row = {
  unidad_ejecutora: fc.constantFrom('785', '000785'),
  establecimiento: fc.constantFrom('', '4467', '00004479'),
  producto: fc.constantFrom('FE-SF-GOT-30', 'MMN-SOB-1G'),
  mes: fc.integer({ min: 1, max: 12 }).map((m) => `2025-${String(m).padStart(2, '0')}`),
  consumo: fc.nat(10_000).map(String),
  stock_final: fc.oneof(fc.constant(''), fc.nat(10_000).map(String)),
  dias_desabastecimiento: fc.nat(28).map(String),
  perdidas: fc.constantFrom('', '0', '2'),
  en_transito: fc.constantFrom('', '0'),
  tasa_reporte: fc.constantFrom('', '1', '0.5'),
};
const SUPPLY_COLUMNS = [
  'unidad_ejecutora',
  'establecimiento',
  'producto',
  'mes',
  'consumo',
  'stock_final',
  'dias_desabastecimiento',
];

const field = (value: string) =>
  /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/**
 * A CSV body: the required columns (one sometimes missing) and some optional ones, shuffled;
 * rows that are good with 0–2 cells replaced, now and then a cell short or one too many; then
 * sometimes a BOM, CRLF endings or an unterminated quote. Now and then plain random text.
 */
function body(required: readonly string[], good: Row): fc.Arbitrary<string> {
  const optional = Object.keys(good).filter((c) => !required.includes(c));
  const columns = fc
    .record({
      dropped: fc.oneof(
        { weight: 6, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(...required) },
      ),
      optional: fc.subarray(optional),
    })
    .chain(({ dropped, optional: chosen }) => {
      const all = [...required.filter((c) => c !== dropped), ...chosen];
      return fc.shuffledSubarray(all, { minLength: all.length });
    });
  const file = columns.chain((header) => {
    const row = fc
      .tuple(
        fc.tuple(...header.map((c) => good[c] ?? cell)),
        fc.array(fc.tuple(fc.nat(header.length - 1), cell), { maxLength: 2 }),
        fc.oneof(
          { weight: 10, arbitrary: fc.constant(0) },
          { weight: 1, arbitrary: fc.constantFrom(-1, 1) },
        ),
      )
      .map(([values, changes, width]) => {
        const cells = [...values];
        for (const [at, value] of changes) cells[at] = value;
        return width < 0 ? cells.slice(0, -1) : width > 0 ? [...cells, 'extra'] : cells;
      });
    return fc
      .record({
        rows: fc.array(row, { minLength: 1, maxLength: 12 }),
        bom: fc.boolean(),
        crlf: fc.boolean(),
        stray: fc.oneof(
          { weight: 8, arbitrary: fc.constant(false) },
          { weight: 1, arbitrary: fc.constant(true) },
        ),
      })
      .map(({ rows, bom, crlf, stray }) => {
        const text = [header, ...rows]
          .map((r) => r.map(field).join(','))
          .join(crlf ? '\r\n' : '\n');
        return (bom ? '\uFEFF' : '') + text + (stray ? '\n"unterminated' : '');
      });
  });
  return fc.oneof(
    { weight: 8, arbitrary: file },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );
}

/** Posts a body and checks the contract; returns the job (null when the upload itself was refused). */
async function importChecked(url: string, text: string): Promise<Job | null> {
  const before = await counts();
  const logsBefore = testApp.logs.length;
  const response = await testApp.app.inject({
    method: 'POST',
    url,
    headers: { ...withSession(planner), 'content-type': 'text/csv' },
    payload: Buffer.from(text, 'utf8'),
  });
  expect(response.statusCode).toBeLessThan(500);
  if (response.statusCode !== 202) {
    // Refused at the door (an empty body): a stable error code, and nothing written.
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.json()).toMatchObject({ error: { code: expect.any(String) } });
    expect(await counts()).toEqual(before);
    return null;
  }
  const job = await finished((response.json() as { jobId: string }).jobId);
  expect(testApp.logs.slice(logsBefore).join('\n')).not.toContain('import job failed');
  if (job.status === 'failed') {
    expect(job.message ?? '').not.toContain(SERVER_FAILURE);
    expect(job.errorCount).toBeGreaterThan(0);
    expect(job.errors.length).toBeGreaterThan(0);
    for (const e of job.errors) {
      expect(e.file).toBe('fuzz.csv');
      expect(Number.isInteger(e.row) && e.row >= 0).toBe(true);
      expect(e.column === null || typeof e.column === 'string').toBe(true);
      expect(e.reason.length).toBeGreaterThan(0);
    }
    expect(await counts()).toEqual(before);
  } else {
    expect(job.status).toBe('succeeded');
  }
  return job;
}

describe('import fuzzing over HTTP (issue 10)', () => {
  it('screening imports: never 5xx, a located refusal or a success, nothing written on refusal', async () => {
    const statuses = new Set<string>();
    await fc.assert(
      fc.asyncProperty(body(SCREENING_COLUMNS, goodScreening), async (text) => {
        const job = await importChecked('/api/screenings/imports?fileName=fuzz.csv', text);
        statuses.add(job?.status ?? 'refused');
      }),
      RUNS,
    );
    expect(statuses.has('failed')).toBe(true);
  });

  it('supply history imports: never 5xx, a located refusal or a success, nothing written on refusal', async () => {
    const statuses = new Set<string>();
    await fc.assert(
      fc.asyncProperty(body(SUPPLY_COLUMNS, goodSupply), async (text) => {
        const job = await importChecked('/api/supply/history/imports?fileName=fuzz.csv', text);
        statuses.add(job?.status ?? 'refused');
      }),
      RUNS,
    );
    expect(statuses.has('failed')).toBe(true);
  });

  it('a NUL in free text is refused, located, nothing written (a lone surrogate arrives as U+FFFD)', async () => {
    const rows = [
      'tipo_doc,num_doc,fecha_nacimiento,sexo,fecha_dosaje,hemoglobina,codigo_renipress,codigo_suplemento',
      'DNI,47771111,2023-01-15,F,2025-01-20,10.5,4612,SF\u000001',
      'DNI,47771112,2023-01-15,M,2025-01-20,11.5,4612,SF\uD800',
      'DNI,47771113,2023-01-15,M,2025-01-20,12.5,4612,SF-01',
    ];
    const job = await importChecked('/api/screenings/imports?fileName=fuzz.csv', rows.join('\n'));
    expect(job).toMatchObject({ status: 'failed', errorCount: 1 });
    expect(job?.errors).toEqual([
      {
        file: 'fuzz.csv',
        row: 2,
        column: 'codigo_suplemento',
        reason: 'holds a NUL character or broken text (a lone surrogate)',
      },
    ]);
  });

  it('a good file of each kind is imported under the same checks', async () => {
    const screening = await importChecked(
      '/api/screenings/imports?fileName=fuzz.csv',
      [SCREENING_COLUMNS.join(','), 'DNI,47772222,2023-01-15,F,2025-01-20,10.5,4612'].join('\n'),
    );
    expect(screening).toMatchObject({ status: 'succeeded', result: { screenings: 1 } });
    const supply = await importChecked(
      '/api/supply/history/imports?fileName=fuzz.csv',
      [SUPPLY_COLUMNS.join(','), '785,4467,FE-SF-GOT-30,2025-03,10,20,0'].join('\n'),
    );
    expect(supply).toMatchObject({ status: 'succeeded', result: { inserted: 1 } });
  });
});
