// Issue #10, finding 16: the follow-up list of an establishment as a planner sees it. A child who
// came back for controls 3 and 4 after missing 1 and 2 has completed the follow-up (not "overdue"
// with a next control 18 months in the past), and a child who has turned 60 months is no longer on
// a list of children 6–59 months.
import { ageInMonths, NTS_213_2024, parseCsv } from '@yawar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.js';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { createPseudonymiser } from '../privacy/pseudonymiser.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { followUpList } from './follow-up.js';
import { importScreeningFile } from './import-file.js';

let testDb: TestDatabase;
let database: PreparedDatabase;
const pseudonymise = createPseudonymiser(Buffer.alloc(32, 7));
const TODAY = '2026-01-15';
const HEADER =
  'tipo_doc,num_doc,fecha_nacimiento,sexo,fecha_dosaje,hemoglobina,codigo_renipress,altitud_msnm';

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
  // 7.5 g/dL is anemia at any altitude and age 6–59 months (NTS 213); 12.5 is none.
  const lines = [
    // Diagnosed at 58 months; 61 months on TODAY.
    'DNI,70000001,2020-12-01,F,2025-10-01,7.5,4612,0',
    // Diagnosed 2024-06-03 (controls due 07-03, 08-02, 09-01, 11-30): only 3 and 4 done.
    'DNI,70000002,2023-06-01,M,2024-06-03,7.5,4612,0',
    'DNI,70000002,2023-06-01,M,2024-09-01,12.5,4612,0',
    'DNI,70000002,2023-06-01,M,2024-11-30,12.5,4612,0',
    // Diagnosed a month and a half ago, 31 months old: on the list, control 1 due.
    'DNI,70000003,2023-06-01,F,2025-12-01,7.5,4612,0',
  ];
  await importScreeningFile(
    database.db,
    { file: 'seguimiento.csv', table: parseCsv([HEADER, ...lines].join('\n')) },
    { pseudonymise, actor: systemActor('test'), today: TODAY },
  );
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

describe('follow-up list (issue #10, finding 16)', () => {
  it('lists children 6–59 months as of the day, and a late-but-kept schedule as completed', async () => {
    const items = await followUpList(database.db, NTS_213_2024, {
      establishment: '00004612',
      today: TODAY,
    });
    for (const item of items) {
      const age = ageInMonths(item.birthDate, TODAY);
      expect(age).toBeGreaterThanOrEqual(6);
      expect(age).toBeLessThanOrEqual(59);
    }
    expect(items.map((i) => i.birthDate).sort()).toEqual(['2023-06-01', '2023-06-01']);
    const cameBack = items.find((i) => i.diagnosisDate === '2024-06-03');
    expect(cameBack).toMatchObject({ status: 'completed', nextDue: null });
    expect(cameBack?.controls.map((c) => c.doneOn)).toEqual([
      null,
      null,
      '2024-09-01',
      '2024-11-30',
    ]);
    const recent = items.find((i) => i.diagnosisDate === '2025-12-01');
    expect(recent).toMatchObject({ status: 'on_track', nextDue: '2025-12-31' });
  });
});
