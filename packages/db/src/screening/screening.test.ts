import { parseCsv, WHO_2011, NTS_213_2024, type ScreeningRecord } from '@yawar/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.js';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { createPseudonymiser } from '../privacy/pseudonymiser.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { importScreeningFile } from './import-file.js';
import { loadScreenings, ScreeningImportError } from './load.js';
import { prevalenceCounts, reclassification } from './prevalence.js';
import { loadSimulatedScreenings } from './simulated.js';

let testDb: TestDatabase;
let database: PreparedDatabase;
const pseudonymise = createPseudonymiser(Buffer.alloc(32, 3));
const actor = systemActor('test');
const options = { pseudonymise, actor, today: '2025-12-31' };

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

const HEADER =
  'tipo_doc,num_doc,fecha_nacimiento,sexo,fecha_dosaje,hemoglobina,codigo_renipress,altitud_msnm';
const file = (name: string, ...lines: string[]) => ({
  file: name,
  table: parseCsv([HEADER, ...lines].join('\n')),
});
const count = async (table: 'screening' | 'child' | 'screening_batch') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('screening import', () => {
  it('loads a good file, storing pseudonyms only', async () => {
    const report = await importScreeningFile(
      database.db,
      file(
        'dosajes-enero.csv',
        'DNI,45871236,2024-01-15,F,2024-09-20,10.8,4612,',
        'DNI,45871236,2024-01-15,F,2024-10-21,11.4,4612,',
        'CNV,1234567890,2023-05-02,M,2024-09-20,12.1,4612,3050',
      ),
      options,
    );
    expect(report).toMatchObject({ screenings: 3, newChildren: 2, knownChildren: 0 });
    const children = await database.db.selectFrom('child').select(['pseudonym']).execute();
    expect(children.map((c) => c.pseudonym).sort()).toEqual(
      [pseudonymise('CNV', '1234567890'), pseudonymise('DNI', '45871236')].sort(),
    );
    const tests = await database.db
      .selectFrom('screening')
      .select(['altitude_m', 'altitude_source', 'hb_tenths'])
      .orderBy('id')
      .execute();
    // Without a record altitude or a named place, the establishment's altitude (RENAES COTA or
    // DEM) applies when it has one, else the district capital's (2,731 m).
    const establishment = await database.db
      .selectFrom('establishment')
      .select('altitude_m')
      .where('code', '=', '00004612')
      .executeTakeFirstOrThrow();
    const fallback =
      establishment.altitude_m === null
        ? { altitude_m: 2731, altitude_source: 'district_capital' }
        : { altitude_m: establishment.altitude_m, altitude_source: 'establishment' };
    expect(tests).toEqual([
      { ...fallback, hb_tenths: 108 },
      { ...fallback, hb_tenths: 114 },
      { altitude_m: 3050, altitude_source: 'record', hb_tenths: 121 },
    ]);
  });

  it('refuses a file with a test already imported or a conflicting birth date, and writes nothing', async () => {
    const before = [await count('screening'), await count('child'), await count('screening_batch')];
    const error = await importScreeningFile(
      database.db,
      file(
        'dosajes-repetido.csv',
        'DNI,45871236,2024-01-15,F,2024-09-20,10.8,4612,',
        'CNV,1234567890,2023-05-03,M,2024-11-20,12.1,4612,',
        'DNI,11112222,2024-01-01,M,2024-11-20,11.5,4612,',
      ),
      options,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScreeningImportError);
    expect((error as ScreeningImportError).errors).toEqual([
      {
        file: 'dosajes-repetido.csv',
        row: 3,
        column: 'fecha_nacimiento',
        reason: 'differs from the birth date already recorded for this child',
      },
      { file: 'dosajes-repetido.csv', row: 2, column: null, reason: 'already imported (batch 1)' },
    ]);
    expect([
      await count('screening'),
      await count('child'),
      await count('screening_batch'),
    ]).toEqual(before);
  });

  it('audits the import without the document numbers', async () => {
    const events = await database.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('action', '=', 'screening.import')
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain('45871236');
  });

  it('links tests to a child known from an earlier file and to a new one, storing every column', async () => {
    const header = `${HEADER},ubigeo_residencia,codigo_ccpp,peso_kg,codigo_suplemento`;
    const children = await count('child');
    const report = await importScreeningFile(
      database.db,
      {
        file: 'dosajes-marzo.csv',
        table: parseCsv(
          [
            header,
            'DNI,45871236,2024-01-15,F,2025-03-10,9.7,4612,,060101,0601010001,9.25,SF',
            'DNI,77778888,2023-11-30,M,2025-03-11,13.2,4612,2800,,,,',
          ].join('\n'),
        ),
      },
      options,
    );
    expect(report).toMatchObject({ screenings: 2, newChildren: 1, knownChildren: 1 });
    expect(await count('child')).toBe(children + 1);
    const rows = await database.db
      .selectFrom('screening')
      .innerJoin('child', 'child.id', 'screening.child_id')
      .select([
        'child.pseudonym',
        sql<string>`to_char(child.birth_date, 'YYYY-MM-DD')`.as('birthDate'),
        'child.sex',
        'child.simulated as childSimulated',
        sql<string>`to_char(screening.test_date, 'YYYY-MM-DD')`.as('testDate'),
        'screening.age_months',
        'screening.hb_tenths',
        'screening.altitude_m',
        'screening.altitude_source',
        'screening.residence_ubigeo',
        'screening.populated_place_code',
        'screening.establishment_code',
        'screening.weight_kg',
        'screening.supplementation_code',
        'screening.simulated',
      ])
      .where('screening.batch_id', '=', report.batchId)
      .orderBy('screening.id')
      .execute();
    const child = { childSimulated: false, simulated: false, establishment_code: '00004612' };
    expect(rows).toEqual([
      {
        ...child,
        // The child of the first file: same row, not a second one.
        pseudonym: pseudonymise('DNI', '45871236'),
        birthDate: '2024-01-15',
        sex: 'F',
        testDate: '2025-03-10',
        age_months: 13,
        hb_tenths: 97,
        altitude_m: 2709,
        altitude_source: 'populated_place',
        residence_ubigeo: '060101',
        populated_place_code: '0601010001',
        weight_kg: 9.25,
        supplementation_code: 'SF',
      },
      {
        ...child,
        pseudonym: pseudonymise('DNI', '77778888'),
        birthDate: '2023-11-30',
        sex: 'M',
        testDate: '2025-03-11',
        age_months: 15,
        hb_tenths: 132,
        altitude_m: 2800,
        altitude_source: 'record',
        residence_ubigeo: null,
        populated_place_code: null,
        weight_kg: null,
        supplementation_code: null,
      },
    ]);
    const tests = await database.db
      .selectFrom('screening')
      .innerJoin('child', 'child.id', 'screening.child_id')
      .select('screening.id')
      .where('child.pseudonym', '=', pseudonymise('DNI', '45871236'))
      .execute();
    expect(tests).toHaveLength(3);
  });

  it('still refuses a test naming an establishment, district or place not on record, writing nothing', async () => {
    // The loader skips PostgreSQL's per-row foreign-key checks only after checking every value
    // once (load.ts, perRowChecksOff); a value missing there must still fail as before.
    const before = [await count('screening'), await count('child'), await count('screening_batch')];
    const record: ScreeningRecord = {
      line: 2,
      childKey: 'pseudonym-of-a-new-child',
      birthDate: '2024-02-01',
      sex: 'F',
      testDate: '2025-04-01',
      ageMonths: 14,
      hbTenths: 110,
      altitudeM: 2700,
      altitudeSource: 'record',
      residenceUbigeo: null,
      populatedPlaceCode: null,
      establishmentCode: '00004612',
      weightKg: null,
      supplementationCode: null,
    };
    const danglings: Partial<ScreeningRecord>[] = [
      { establishmentCode: '99999999' },
      { residenceUbigeo: '999999' },
      { populatedPlaceCode: '9999999999' },
    ];
    for (const dangling of danglings) {
      const error = await loadScreenings(
        database.db,
        [record, { ...record, line: 3, testDate: '2025-04-02', ...dangling }],
        {
          fileName: 'dosajes-huerfano.csv',
          origin: 'import',
          actor,
        },
      ).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe('23503');
    }
    expect([
      await count('screening'),
      await count('child'),
      await count('screening_batch'),
    ]).toEqual(before);
  });
});

describe('prevalence from simulated data', () => {
  beforeAll(async () => {
    await loadSimulatedScreenings(database.db, {
      department: '06',
      children: 3000,
      seed: 11,
      from: '2024-01-01',
      to: '2025-12-31',
    });
  });

  it('counts each child once per period, by district and year', async () => {
    const rows = await prevalenceCounts(database.db, NTS_213_2024, {
      department: '06',
      area: 'district',
      period: 'year',
    });
    const children2024 = await database.db
      .selectFrom('screening')
      .select((eb) => eb.fn.count<number>('child_id').distinct().as('n'))
      .where(sql<boolean>`test_date between '2024-01-01' and '2024-12-31'`)
      .executeTakeFirstOrThrow();
    const total2024 = rows.filter((r) => r.period === '2024').reduce((sum, r) => sum + r.n, 0);
    expect(total2024).toBe(Number(children2024.n));
    expect(rows.every((r) => r.mild + r.moderate + r.severe <= r.n)).toBe(true);
    expect(rows.some((r) => r.areaName === 'CAJAMARCA' && r.areaCode === '060101')).toBe(true);
  });

  it('gives the same totals for every area level', async () => {
    const totals = [];
    for (const area of [
      'department',
      'province',
      'district',
      'network',
      'establishment',
    ] as const) {
      const rows = await prevalenceCounts(database.db, WHO_2011, {
        department: '06',
        area,
        period: 'all',
      });
      totals.push(
        rows.reduce<[number, number]>(
          (sum, r) => [sum[0] + r.n, sum[1] + r.mild + r.moderate + r.severe],
          [0, 0],
        ),
      );
    }
    expect(new Set(totals.map((t) => t.join('/'))).size).toBe(1);
  });

  it('reports how many children change level between rules, adding up to all children', async () => {
    const matrix = await reclassification(database.db, WHO_2011, NTS_213_2024, {
      department: '06',
    });
    const [all] = await prevalenceCounts(database.db, WHO_2011, {
      department: '06',
      area: 'department',
      period: 'all',
    });
    expect(matrix.reduce((sum, r) => sum + r.children, 0)).toBe(all?.n);
    expect(matrix.some((r) => r.from !== r.to)).toBe(true);
  });
});
