// Hemoglobin benchmarks: classification throughput, import throughput (validation, pseudonymisation
// and writing) and prevalence-query latency with YAWAR_BENCH_TESTS simulated tests (default
// 1,000,000), on PGlite and, with DATABASE_URL, PostgreSQL. Figures, not pass/fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  classifyHb,
  HB_RULE_SETS,
  mulberry32,
  NTS_213_2024,
  simulateScreenings,
  toCsv,
  WHO_2011,
} from '@yawar/core';
import {
  connect,
  createPseudonymiser,
  importScreeningFile,
  listDistricts,
  migrateToLatest,
  importReference,
  CAJAMARCA_DIR,
  prevalenceCounts,
  readCsvFile,
  systemActor,
} from '@yawar/db';
import { createTestDatabase } from '@yawar/db/testing';

const TESTS = Number(process.env.YAWAR_BENCH_TESTS ?? 1_000_000);
export const rows = [];
const record = (measure, engine, value, unit) =>
  rows.push({ measure, engine, value: Number(value.toFixed(value < 10 ? 3 : 0)), unit });

function classificationThroughput() {
  const random = mulberry32(1);
  const inputs = Array.from({ length: 1_000_000 }, () => ({
    ageMonths: 6 + Math.floor(random() * 54),
    hbGdl: 5 + random() * 12,
    altitudeM: random() * 4500,
  }));
  for (const rule of HB_RULE_SETS) {
    const started = performance.now();
    let anemic = 0;
    for (const input of inputs) {
      const result = classifyHb(input, rule);
      if (result.ok && result.level !== 'none') anemic++;
    }
    const seconds = (performance.now() - started) / 1000;
    record(
      `classification, ${rule.id} (1,000,000 results; ${anemic} anemic)`,
      'core',
      inputs.length / seconds,
      'results/s',
    );
  }
}

/** A CSV of simulated tests in the import layout, with made-up 8-digit DNIs (never real ones). */
export async function simulatedCsv(db, file, count = TESTS) {
  const districts = await listDistricts(db, { department: '06' });
  const establishments = await db
    .selectFrom('establishment')
    .select(['code', 'district_ubigeo'])
    .where('category', 'in', ['I-1', 'I-2', 'I-3', 'I-4'])
    .execute();
  const altitude = new Map(districts.map((d) => [d.ubigeo, d.capitalAltitudeM ?? 0]));
  const places = establishments.map((e) => ({
    establishmentCode: e.code,
    districtUbigeo: e.district_ubigeo,
    altitudeM: altitude.get(e.district_ubigeo) ?? 0,
    weight: 1,
  }));
  const children = Math.round(count / 1.3);
  let tests = simulateScreenings({
    seed: 99,
    children,
    places,
    from: '2022-01-01',
    to: '2025-12-31',
  });
  tests = tests.slice(0, count);
  const dni = (key) => String(10_000_000 + Number(key.slice(4))).slice(-8);
  const lines = tests.map((t) => [
    'DNI',
    dni(t.childKey),
    t.birthDate,
    t.sex,
    t.testDate,
    (t.hbTenths / 10).toFixed(1),
    t.establishmentCode,
    '',
  ]);
  fs.writeFileSync(
    file,
    toCsv(
      [
        'tipo_doc',
        'num_doc',
        'fecha_nacimiento',
        'sexo',
        'fecha_dosaje',
        'hemoglobina',
        'codigo_renipress',
        'altitud_msnm',
      ],
      lines,
    ),
  );
  return tests.length;
}

async function databaseBench(engine, config, csvFile) {
  const connection = connect(config);
  try {
    await migrateToLatest(connection.db);
    await importReference(connection.db, { dir: CAJAMARCA_DIR }, systemActor('bench'));
    const count = fs.existsSync(csvFile)
      ? readCsvFile(csvFile).table.records.length
      : await simulatedCsv(connection.db, csvFile);
    const pseudonymise = createPseudonymiser(Buffer.alloc(32, 9));
    let started = performance.now();
    await importScreeningFile(connection.db, readCsvFile(csvFile), {
      pseudonymise,
      actor: systemActor('bench'),
      today: '2026-01-01',
    });
    const seconds = (performance.now() - started) / 1000;
    record(
      `import of ${count.toLocaleString('en')} tests (read, validate, pseudonymise, write)`,
      engine,
      count / seconds,
      'tests/s',
    );
    record(`import of ${count.toLocaleString('en')} tests, total`, engine, seconds, 's');
    for (const [label, rule, query] of [
      [
        'prevalence by district, whole period',
        NTS_213_2024,
        { department: '06', area: 'district', period: 'all' },
      ],
      [
        'prevalence by district and year',
        NTS_213_2024,
        { department: '06', area: 'district', period: 'year' },
      ],
      [
        'prevalence by network and month',
        WHO_2011,
        { department: '06', area: 'network', period: 'month' },
      ],
    ]) {
      await prevalenceCounts(connection.db, rule, query); // warm
      started = performance.now();
      await prevalenceCounts(connection.db, rule, query);
      record(
        `${label} (${count.toLocaleString('en')} tests)`,
        engine,
        (performance.now() - started) / 1000,
        's',
      );
    }
  } finally {
    await connection.close();
  }
}

export async function benchHemoglobin() {
  classificationThroughput();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-bench-hb-'));
  const csvFile = path.join(dir, 'simulated-tests.csv');
  try {
    await databaseBench('pglite', { engine: 'pglite', url: null, dataDir: null }, csvFile);
    if (process.env.DATABASE_URL) {
      const testDb = await createTestDatabase({ ...process.env, YAWAR_TEST_ENGINE: 'postgres' });
      try {
        await databaseBench('postgres', testDb.config, csvFile);
      } finally {
        await testDb.drop();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchHemoglobin());
}
