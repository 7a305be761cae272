import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { CAJAMARCA_DIR } from '@yawar/db';
import { createTestDatabase, type TestDatabase } from '@yawar/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from './io.js';
import { runCli } from './program.js';

let testDb: TestDatabase;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yawar-cli-'));

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  await testDb.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** Runs `yawar …` in-process against this file's database, capturing what it prints. */
async function yawar(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env =
    testDb.config.engine === 'postgres'
      ? {
          DATABASE_URL: testDb.config.url ?? '',
          YAWAR_DEMO_DATA: 'off',
          YAWAR_SECRET_DIR: path.join(workDir, 'secrets'),
        }
      : {
          YAWAR_DATA_DIR: path.join(workDir, 'db'),
          YAWAR_DEMO_DATA: 'off',
          YAWAR_SECRET_DIR: path.join(workDir, 'secrets'),
        };
  const io: CliIo = { env, cwd: workDir, out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('yawar', () => {
  it('lists its commands', async () => {
    const { code, out } = await yawar('--help');
    expect(code).toBe(0);
    for (const command of ['serve', 'db', 'import', 'establishment'])
      expect(out).toContain(command);
  });

  it('migrates an empty database', async () => {
    const { code, out } = await yawar('db', 'migrate');
    expect(code).toBe(0);
    expect(out).toMatch(/applied 0001-reference|already up to date/);
  });

  it('imports the Cajamarca folder, and a second run leaves the same counts', async () => {
    const first = await yawar('import', 'reference', CAJAMARCA_DIR);
    expect(first.code).toBe(0);
    // The first command on an empty database creates the administrator and shows its password once.
    expect(first.err).toMatch(
      /First run: an administrator account was created[\s\S]*password: \S{19}/,
    );
    expect(first.out).toContain('127 districts, 1298 establishments (1143 with coordinates');
    expect(first.out).toContain(
      'RENAES: 845 establishments listed, 822 with a microred, 829 with an executing unit',
    );
    expect(first.out).toContain('10 executing units');
    const second = await yawar('import', 'reference', CAJAMARCA_DIR);
    expect(second.code).toBe(0);
    expect(second.out).toContain('already up to date, nothing changed');
    expect(second.err).not.toContain('First run');
    expect(second.out).toMatch(/establishment\s+0\s+0\s+1298\s+0/);
  });

  it('rejects a malformed folder with file, row and reason, and exits 1', async () => {
    const dir = path.join(workDir, 'bad');
    fs.cpSync(CAJAMARCA_DIR, dir, { recursive: true });
    const file = path.join(dir, 'establecimientos.csv');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(',060101,', ',0601,'));
    const report = path.join(workDir, 'errors.csv');
    const { code, err } = await yawar('import', 'reference', dir, '--errors', report);
    expect(code).toBe(1);
    expect(err).toContain(`${file}:2 [ubigeo_inei]`);
    expect(err).toContain('The database was not changed');
    expect(fs.readFileSync(report, 'utf8')).toContain(`${file},2,ubigeo_inei,`);
    const after = await yawar('import', 'reference', CAJAMARCA_DIR);
    expect(after.out).toContain('already up to date');
  });

  it('explains wrong usage instead of failing obscurely', async () => {
    expect((await yawar('import', 'reference')).err).toContain('Name a department folder');
    expect((await yawar('import', 'reference', CAJAMARCA_DIR, '--department', '06')).code).toBe(1);
    expect((await yawar('import', 'reference', path.join(workDir, 'nowhere'))).err).toContain(
      'is not a folder',
    );
    expect((await yawar('no-such-command')).code).not.toBe(0);
  });

  it('overrides the laboratory rule for one establishment, with a reason', async () => {
    expect((await yawar('establishment', 'laboratory', '4612', '--set', 'yes')).err).toContain(
      '--reason is required',
    );
    const set = await yawar(
      'establishment',
      'laboratory',
      '4612',
      '--set',
      'yes',
      '--reason',
      'equipado 2025',
    );
    expect(set).toMatchObject({ code: 0, out: '00004612: laboratory set to yes.' });
    expect(
      (await yawar('establishment', 'laboratory', '99999999', '--set', 'no', '--reason', 'x')).err,
    ).toContain('No establishment');
    expect((await yawar('establishment', 'laboratory', '4612', '--set', 'auto')).code).toBe(0);
  });

  it('manages accounts: create, list, disable, enable, reset password', async () => {
    const created = await yawar(
      'user',
      'create',
      'ana.perez',
      '--role',
      'unit_programmer',
      '--scope',
      'executing_unit:785',
      '--name',
      'Ana Pérez',
    );
    expect(created.code).toBe(0);
    expect(created.out).toContain(
      'Created ana.perez (unit_programmer, executing_unit 785: REGION CAJAMARCA-SALUD CAJAMARCA)',
    );
    expect(created.out).toMatch(/Password \(shown only now\): \S{19}/);
    expect(
      (await yawar('user', 'create', 'ana.perez', '--role', 'viewer', '--scope', 'national')).err,
    ).toContain('is taken');
    expect(
      (await yawar('user', 'create', 'bad', '--role', 'viewer', '--scope', 'network:06/NOWHERE'))
        .err,
    ).toContain('no network has code 06/NOWHERE');
    // A microred scope is checked against the registry: accents and case as RENAES restored them.
    expect(
      await yawar(
        'user',
        'create',
        'lab.banos',
        '--role',
        'lab_coordinator',
        '--scope',
        'microred:06/cajamarca/baños del inca',
      ),
    ).toMatchObject({ code: 0 });
    expect((await yawar('user', 'list')).out).toMatch(
      /lab\.banos\s+lab_coordinator\s+microred 06\/CAJAMARCA\/BAÑOS DEL INCA: Microred BAÑOS DEL INCA/,
    );
    expect(
      (
        await yawar(
          'user',
          'create',
          'bad3',
          '--role',
          'lab_coordinator',
          '--scope',
          'microred:06/CAJAMARCA/BANOS DEL INCA',
        )
      ).err,
    ).toContain(
      'no microred has code 06/CAJAMARCA/BANOS DEL INCA (did you mean 06/CAJAMARCA/BAÑOS DEL INCA?)',
    );
    expect(
      (
        await yawar(
          'user',
          'create',
          'bad4',
          '--role',
          'lab_coordinator',
          '--scope',
          'microred:06/CHOTA/NOWHERE',
        )
      ).err,
    ).toMatch(/no microred has code 06\/CHOTA\/NOWHERE \(microredes of the red CHOTA: .*CONCHAN/);
    expect(
      (await yawar('user', 'create', 'bad2', '--role', 'boss', '--scope', 'national')).err,
    ).toContain('is not a role');
    expect((await yawar('user', 'disable', 'ana.perez')).out).toContain(
      'ana.perez is now disabled',
    );
    expect((await yawar('user', 'list')).out).toMatch(
      /ana\.perez\s+unit_programmer\s+executing_unit 785.*disabled/,
    );
    expect((await yawar('user', 'enable', 'ana.perez')).code).toBe(0);
    const reset = await yawar('user', 'reset-password', 'ana.perez');
    expect(reset.out).toMatch(/New password for ana\.perez \(shown only now\): \S{19}/);
    expect((await yawar('user', 'reset-password', 'nobody')).err).toContain(
      'No account is called nobody',
    );
  });

  it('imports screening records all or nothing, and reports prevalence', async () => {
    const file = path.join(workDir, 'dosajes.csv');
    fs.writeFileSync(
      file,
      [
        'tipo_doc,num_doc,fecha_nacimiento,sexo,fecha_dosaje,hemoglobina,codigo_renipress',
        'DNI,45871236,2024-01-15,F,2024-09-20,10.8,4612',
        'DNI,45871237,2023-02-10,M,2024-09-21,12.6,4612',
      ].join('\n'),
    );
    const first = await yawar('hb', 'import', file);
    expect(first.code).toBe(0);
    expect(first.out).toContain('Imported 2 tests of 2 children (2 new)');
    expect(first.err).toContain('100 % (2 / 2)');
    const again = await yawar('hb', 'import', file);
    expect(again.code).toBe(1);
    expect(again.err).toContain(`dosajes.csv:2 already imported`);
    expect(again.err).toContain('The database was not changed');
    expect(fs.readFileSync(path.join(workDir, 'secrets', 'pseudonym.key'), 'utf8')).toMatch(
      /^[0-9a-f]{64}\n$/,
    );
    const json = await yawar('hb', 'prevalence', '--by', 'province', '--format', 'json');
    const rows = JSON.parse(json.out) as { area: string; n: number; cases: number | null }[];
    // Two children are too few to publish: the CLI suppresses as the API does (issue 10, #19).
    expect(rows).toEqual([
      expect.objectContaining({ area: 'CAJAMARCA', n: 2, cases: null, suppressed: true }),
    ]);
  });

  it('imports screening records from an XLSX sheet, with Excel dates and numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('dosajes');
    sheet.addRow([
      'tipo_doc',
      'num_doc',
      'fecha_nacimiento',
      'sexo',
      'fecha_dosaje',
      'hemoglobina',
      'codigo_renipress',
    ]);
    sheet.addRow([
      'DNI',
      '40112233',
      new Date(Date.UTC(2023, 5, 1)),
      'M',
      new Date(Date.UTC(2024, 10, 5)),
      11.9,
      4612,
    ]);
    sheet.addRow([
      'DNI',
      '40112234',
      new Date(Date.UTC(2023, 5, 1)),
      'X',
      new Date(Date.UTC(2024, 10, 5)),
      11.9,
      4612,
    ]);
    const file = path.join(workDir, 'dosajes.xlsx');
    await workbook.xlsx.writeFile(file);
    const bad = await yawar('hb', 'import', file);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`${file}:3 [sexo] "X" is not F or M`);
    sheet.spliceRows(3, 1);
    await workbook.xlsx.writeFile(file);
    const good = await yawar('hb', 'import', file);
    expect(good.out).toContain('Imported 1 tests of 1 children (1 new)');
  });
});
