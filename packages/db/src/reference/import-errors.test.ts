import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { CAJAMARCA_DIR, PERU_DIR } from '../paths.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { systemActor } from '../audit/actor.js';
import { importReference, ReferenceImportError } from './import-reference.js';

const TEST_ACTOR = systemActor('test');
let testDb: TestDatabase;
let database: PreparedDatabase;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-reference-'));

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** A copy of data/cajamarca with one file rewritten by `edit`. */
function folderWith(name: string, file: string, edit: (text: string) => string): string {
  const dir = path.join(workDir, name);
  fs.cpSync(CAJAMARCA_DIR, dir, { recursive: true });
  const target = path.join(dir, file);
  fs.writeFileSync(target, edit(fs.readFileSync(target, 'utf8')));
  return dir;
}

/** Row counts and a digest of the establishments, to prove a failed import changed nothing. */
async function snapshot() {
  const { db } = database;
  const count = async (table: 'district' | 'establishment' | 'populated_place' | 'import_run') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const rows = await db
    .selectFrom('establishment')
    .select(['code', 'name', 'district_ubigeo', 'lat', 'lon'])
    .orderBy('code')
    .execute();
  return {
    districts: await count('district'),
    establishments: await count('establishment'),
    places: await count('populated_place'),
    runs: await count('import_run'),
    digest: JSON.stringify(rows),
  };
}

async function rejection(dir: string): Promise<ReferenceImportError> {
  const error = await importReference(database.db, { dir }, TEST_ACTOR).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReferenceImportError);
  return error as ReferenceImportError;
}

describe('a malformed reference folder', () => {
  it('is rejected with file, row, column and reason for every bad cell, and nothing changes', async () => {
    const before = await snapshot();
    const dir = folderWith('bad-cells', 'establecimientos.csv', (text) => {
      const lines = text.split('\n');
      lines[1] = (lines[1] ?? '').replace(',060101,', ',06X101,'); // bad ubigeo on row 2
      lines[2] = (lines[2] ?? '').replace(/-7\.072202,-78\.597474/, 'abc,-78.597474'); // bad latitude on row 3
      lines[3] = `${(lines[3] ?? '').replace(/,[^,]*,[^,]*,[^,]*$/, '')},-23.5,-46.6,1`; // São Paulo on row 4
      return lines.join('\n');
    });
    const error = await rejection(dir);
    const file = path.join(dir, 'establecimientos.csv');
    expect(error.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file,
          row: 2,
          column: 'ubigeo_inei',
          reason: expect.stringContaining('06X101'),
        }),
        expect.objectContaining({
          file,
          row: 3,
          column: 'latitud',
          reason: expect.stringContaining('not a number'),
        }),
        expect.objectContaining({
          file,
          row: 4,
          column: 'latitud',
          reason: expect.stringContaining('outside Peru'),
        }),
      ]),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('names a missing column at the header row', async () => {
    const before = await snapshot();
    const dir = folderWith('missing-column', 'ubigeo_distrito.csv', (text) =>
      text.replace(/^inei,/, 'codigo,'),
    );
    const error = await rejection(dir);
    expect(error.errors).toContainEqual({
      file: path.join(dir, 'ubigeo_distrito.csv'),
      row: 1,
      column: 'inei',
      reason: 'required column is missing',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('reports a district code that belongs to no district of the department', async () => {
    const dir = folderWith('unknown-district', 'establecimientos.csv', (text) =>
      text.replace(',060101,', ',069999,'),
    );
    const error = await rejection(dir);
    expect(error.errors).toContainEqual(
      expect.objectContaining({
        row: 2,
        column: 'ubigeo_inei',
        reason: expect.stringContaining('not a district'),
      }),
    );
  });

  it('reports a missing file and a file that is not JSON', async () => {
    const dir = folderWith('broken-files', 'distritos.geojson', () => '{ not json');
    fs.rmSync(path.join(dir, 'establecimientos.csv'));
    const error = await rejection(dir);
    expect(error.errors.map((e) => [path.basename(e.file), e.reason.slice(0, 17)])).toEqual(
      expect.arrayContaining([
        ['distritos.geojson', 'is not valid JSON'],
        ['establecimientos.csv', 'file is missing'],
      ]),
    );
  });
});

describe('a malformed RENAES registry file', () => {
  it('is refused with file, row, column and reason, and nothing changes', async () => {
    const before = await snapshot();
    const microredsBefore = await database.db.selectFrom('microred').selectAll().execute();
    const dir = folderWith('bad-renaes', 'ipress_minsa_renaes.csv', (text) => {
      const lines = text.split('\n');
      // Row 2: an executing unit code that is not one; row 4: a category NTS 021 does not have.
      lines[1] = (lines[1] ?? '').replace(
        ',787,REGION CAJAMARCA-SALUD CUTERVO,',
        ',78X,REGION CAJAMARCA-SALUD CUTERVO,',
      );
      lines[3] = (lines[3] ?? '').replace(/,I-1,/, ',I-9,');
      return lines.join('\n');
    });
    const error = await rejection(dir);
    expect(error.errors).toEqual([
      {
        file: expect.stringMatching(/ipress_minsa_renaes\.csv$/),
        row: 2,
        column: 'Código UE',
        reason: '"78X" is not an executing unit code',
      },
      {
        file: expect.stringMatching(/ipress_minsa_renaes\.csv$/),
        row: 4,
        column: 'Categoría',
        reason: '"I-9" is not an NTS 021 category',
      },
    ]);
    expect(await snapshot()).toEqual(before);
    expect(await database.db.selectFrom('microred').selectAll().execute()).toEqual(microredsBefore);
  });

  it('is refused when a required column is missing', async () => {
    const dir = folderWith('renaes-no-ue', 'ipress_minsa_renaes.csv', (text) =>
      text.replace('Código UE', 'Codigo de UE'),
    );
    const error = await rejection(dir);
    expect(error.errors).toContainEqual({
      file: expect.stringMatching(/ipress_minsa_renaes\.csv$/),
      row: 1,
      column: 'Código UE',
      reason: 'required column is missing',
    });
  });
});

describe('re-importing a corrected folder', () => {
  it('updates only the rows that changed', async () => {
    const dir = folderWith('renamed', 'establecimientos.csv', (text) =>
      text.replace('CHILIMPAMPA', 'CHILIMPAMPA ALTA'),
    );
    const report = await importReference(database.db, { dir }, TEST_ACTOR);
    expect(report.counts['establishment']).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 1297,
      retired: 0,
    });
    const back = await importReference(database.db, { dir: CAJAMARCA_DIR }, TEST_ACTOR);
    expect(back.counts['establishment']?.updated).toBe(1);
  });

  it('keeps, but retires, an establishment that disappears from the source', async () => {
    // 00008533 is a private dental practice: only the establishment list names it, not RENAES.
    const dir = folderWith('without-one', 'establecimientos.csv', (text) =>
      text
        .split('\n')
        .filter((line) => !line.startsWith('00008533,'))
        .join('\n'),
    );
    const report = await importReference(database.db, { dir }, TEST_ACTOR);
    expect(report.counts['establishment']?.retired).toBe(1);
    const row = await database.db
      .selectFrom('establishment')
      .select('in_registry')
      .where('code', '=', '00008533')
      .executeTakeFirstOrThrow();
    expect(row.in_registry).toBe(false);
    await importReference(database.db, { dir: CAJAMARCA_DIR }, TEST_ACTOR);
  });
});

describe('laboratory overrides from the folder', () => {
  it('applies the file, and removes an override once its row leaves the file', async () => {
    const override = () =>
      database.db
        .selectFrom('establishment_lab_override')
        .selectAll()
        .where('establishment_code', '=', '00010460')
        .executeTakeFirst();
    expect(await override()).toMatchObject({ has_laboratory: true, origin: 'import' }); // data/cajamarca ships it
    const dir = folderWith(
      'no-overrides',
      'laboratorio_excepciones.csv',
      (text) => text.split('\n')[0] + '\n',
    );
    const report = await importReference(database.db, { dir }, TEST_ACTOR);
    expect(report.counts['establishment_lab_override']?.retired).toBe(2);
    expect(await override()).toBeUndefined();
    await importReference(database.db, { dir: CAJAMARCA_DIR }, TEST_ACTOR);
    expect(await override()).toMatchObject({ has_laboratory: true });
  });
});

describe('a department built from the national files', () => {
  it('loads Amazonas (01) beside Cajamarca, idempotently', async () => {
    const first = await importReference(
      database.db,
      { peruDir: PERU_DIR, department: '01' },
      TEST_ACTOR,
    );
    expect(first.totals['districts']).toBe(84);
    expect(first.totals['establishments']).toBeGreaterThan(500);
    expect(first.totals['populatedPlaces']).toBe(0); // no centros poblados file for 01
    const second = await importReference(
      database.db,
      { peruDir: PERU_DIR, department: '1' },
      TEST_ACTOR,
    );
    expect(second.unchanged).toBe(true);
  });

  it('gives Cajamarca the same districts and establishments as data/cajamarca', async () => {
    const national = await importReference(
      database.db,
      { peruDir: PERU_DIR, department: '06' },
      TEST_ACTOR,
    );
    expect(national.totals).toMatchObject({
      districts: 127,
      establishments: 1298,
      establishmentsWithCoordinates: 1143,
      establishmentsInRenaes: 845,
      establishmentsWithMicrored: 822,
      establishmentsWithExecutingUnit: 829,
      populatedPlaces: 6513,
    });
    expect(national.counts['district']?.updated).toBe(0);
  });

  it('rejects a department code that does not exist', async () => {
    await expect(
      importReference(database.db, { peruDir: PERU_DIR, department: '99' }, TEST_ACTOR),
    ).rejects.toBeInstanceOf(ReferenceImportError);
  });
});
