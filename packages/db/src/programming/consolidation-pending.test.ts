import { DEFAULT_PROGRAMMING_PARAMETERS } from '@yawar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.js';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { computeRound } from './compute-round.js';
import { consolidateRound, consolidationByUnit } from './consolidation.js';
import { ProgrammingError } from './errors.js';
import { programmeSummaries } from './programmes.js';
import { createRound, getRound, listRounds } from './rounds.js';
import { transitionProgramme } from './transitions.js';

/**
 * Issue #10, findings 15 and 20, as a CENARES planner met them: consolidating with most units
 * pending gave no warning, the round list and the consolidation disagreed afterwards, "Calcular"
 * reported the programmes computed without the ones skipped, and units were listed as text
 * (1047 before 785). PGlite, or PostgreSQL with YAWAR_TEST_ENGINE.
 */

let testDb: TestDatabase;
let database: PreparedDatabase;
const actor = systemActor('test');
const UNIT = '785';
let roundId = 0;
let units = 0;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
  roundId = await createRound(database.db, actor, {
    name: 'Consolidación parcial',
    fiscalYear: 2027,
    opensOn: '2026-11-02',
    closesOn: '2026-12-18',
    horizonStart: '2027-01',
    historyEnd: '2026-10',
    regionalReview: true,
    parameters: DEFAULT_PROGRAMMING_PARAMETERS,
  });
  const first = await computeRound(database.db, actor, roundId);
  units = first.programmes;
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

async function approve(unit: string): Promise<void> {
  const [summary] = await programmeSummaries(database.db, { roundId, unitCodes: [unit] });
  if (!summary) throw new Error(`no programme for ${unit}`);
  let version = summary.version;
  for (const [action, permissions] of [
    ['submit', ['programming:read', 'programming:edit']],
    ['validate', ['programming:read', 'programming:validate']],
    ['approve', ['programming:read', 'programming:review']],
  ] as const) {
    version = await transitionProgramme(database.db, actor, summary.id, {
      action,
      version,
      note: null,
      permissions,
    });
  }
}

describe('consolidation with units pending (issue #10)', () => {
  it('lists executing units numerically: 785 before 1047', async () => {
    const summaries = await programmeSummaries(database.db, { roundId, unitCodes: null });
    const codes = summaries.map((p) => Number(p.unit.code));
    expect(codes.length).toBeGreaterThan(1);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    const byUnit = await consolidationByUnit(database.db, roundId, 'FE-SF-GOT-30', null);
    const byUnitCodes = byUnit.map((row) => Number(row.unit.code));
    expect(byUnitCodes).toEqual([...byUnitCodes].sort((a, b) => a - b));
  });

  it('says how many programmes "Calcular" skipped, and why', async () => {
    expect(units).toBeGreaterThan(2);
    await approve(UNIT);
    const report = await computeRound(database.db, actor, roundId);
    expect(report).toMatchObject({
      programmes: units - 1,
      skipped: 1,
      skippedByStatus: { approved: 1 },
    });
  });

  it('refuses to consolidate with units pending unless confirmed, naming every pending unit', async () => {
    const error = await consolidateRound(database.db, actor, roundId).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProgrammingError);
    const refusal = error as ProgrammingError;
    expect(refusal.code).toBe('units_pending');
    const pending = (refusal.details as { pending: { code: string; status: string }[] }).pending;
    expect(pending).toHaveLength(units - 1);
    expect(pending.map((u) => u.code)).not.toContain(UNIT);
    expect(pending.every((u) => u.status === 'draft')).toBe(true);
    expect(refusal.message).toContain(`${units - 1} of ${units} units`);
    // Nothing moved.
    const [approved] = await programmeSummaries(database.db, { roundId, unitCodes: [UNIT] });
    expect(approved?.status).toBe('approved');
    expect((await getRound(database.db, roundId, null))?.consolidatedAt).toBeNull();
  });

  it('consolidates once confirmed, and the round reads the same on the list and the round', async () => {
    const result = await consolidateRound(database.db, actor, roundId, { allowPending: true });
    expect(result.consolidated).toBe(1);
    expect(result.pending).toHaveLength(units - 1);
    const round = await getRound(database.db, roundId, null);
    const listed = (await listRounds(database.db, null)).find((r) => r.id === roundId);
    // Partly consolidated: still open (units may join later), with the date of the consolidation,
    // and the list says exactly that too.
    expect(round).toMatchObject({ status: 'open', consolidatedAt: expect.any(String) });
    expect(listed).toMatchObject({ status: round?.status, consolidatedAt: round?.consolidatedAt });
  });
});
