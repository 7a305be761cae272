import {
  computeProgrammingLine,
  DEFAULT_PROGRAMMING_PARAMETERS,
  type Permission,
  type ProgrammeAction,
  type MonthlyRecord,
} from '@yawar/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.js';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createMeeting, listMeetings, updateParticipant } from './assistance.js';
import { computeRound } from './compute-round.js';
import { consolidateRound, consolidatedProducts, consolidationByUnit } from './consolidation.js';
import { ProgrammingError } from './errors.js';
import { loadUnitSeries, refreshSupplySeries } from './history-series.js';
import { updateLine } from './lines.js';
import { addObservation, addressObservation } from './observations.js';
import { programmeSummaries } from './programmes.js';
import { createRound, listRounds } from './rounds.js';
import { programmeSheet } from './sheet.js';
import { transitionProgramme } from './transitions.js';

/**
 * The programming workflow on a real database (PGlite, or PostgreSQL with YAWAR_TEST_ENGINE):
 * prefill from history, line edits under optimistic locking, every transition with its
 * preconditions, concurrent approvals, consolidation and assistance meetings.
 */

let testDb: TestDatabase;
let database: PreparedDatabase;
const actor = systemActor('test');
const UNIT = '785';
const OTHER_UNIT = '787';
const DROPS = 'FE-SF-GOT-30';
const EDITOR = ['programming:read', 'programming:edit'] as const;
const VALIDATOR = ['programming:read', 'programming:validate'] as const;
const REVIEWER = ['programming:read', 'programming:review'] as const;
let roundId = 0;

/** 24 months of a unit's warehouse history for the drops: 100 frascos a month, 2 stock-out days in one. */
async function seedHistory(unit: string, monthly: number): Promise<void> {
  const db = database.db;
  const { id: batch } = await db
    .insertInto('supply_batch')
    .values({ file_name: 'fixture', origin: 'import', rows: 24, actor: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`
    insert into supply_history (executing_unit_code, establishment_code, resource_code, month,
      consumption, stock_end, stockout_days, losses, in_transit, batch_id, simulated)
    select ${unit}, null, ${DROPS}, m::date, ${monthly}, 150,
      case when m = '2026-03-01' then 2 else 0 end, 0,
      case when m = '2026-10-01' then 50 else 0 end, ${batch}, false
    from generate_series('2024-11-01'::date, '2026-10-01'::date, interval '1 month') as m`.execute(
    db,
  );
  await refreshSupplySeries(db, [unit]);
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
  await seedHistory(UNIT, 100);
  await seedHistory(OTHER_UNIT, 40);
  roundId = await createRound(database.db, actor, {
    name: 'Prueba 2027',
    fiscalYear: 2027,
    opensOn: '2026-11-02',
    closesOn: '2026-12-18',
    horizonStart: '2027-01',
    historyEnd: '2026-10',
    regionalReview: true,
    parameters: DEFAULT_PROGRAMMING_PARAMETERS,
  });
  await computeRound(database.db, actor, roundId);
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

/** One workflow action on programme `id` at `version`, by a caller holding `permissions`. */
const act = (
  id: number,
  action: ProgrammeAction,
  version: number,
  permissions: readonly Permission[],
  note: string | null = null,
) => transitionProgramme(database.db, actor, id, { action, version, note, permissions });

async function programmeOf(unit: string) {
  const [summary] = await programmeSummaries(database.db, { roundId, unitCodes: [unit] });
  if (!summary) throw new Error(`no programme for ${unit}`);
  return summary;
}

async function refused(promise: Promise<unknown>): Promise<ProgrammingError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProgrammingError);
  return error as ProgrammingError;
}

describe('a round', () => {
  it('gives every executing unit a draft programme, counted by status', async () => {
    const units = await database.db.selectFrom('executing_unit').select('code').execute();
    const [round] = await listRounds(database.db, null);
    expect(round?.name).toBe('Prueba 2027');
    expect(round?.counts.draft).toBe(units.length);
    const [scoped] = await listRounds(database.db, [UNIT]);
    expect(scoped?.counts.draft).toBe(1);
  });

  it('prefills each line with the core computation of the unit history', async () => {
    const programme = await programmeOf(UNIT);
    const line = await database.db
      .selectFrom('programme_line')
      .selectAll()
      .where('programme_id', '=', programme.id)
      .where('resource_code', '=', DROPS)
      .executeTakeFirstOrThrow();
    const series = await loadUnitSeries(database.db, UNIT, '2023-11', '2026-10');
    const expected = computeProgrammingLine({
      product: { code: DROPS, packSize: 25, unitPrice: 2.5 },
      history: series.byResource.get(DROPS) as MonthlyRecord[],
      parameters: DEFAULT_PROGRAMMING_PARAMETERS,
      method: 'cpma',
      horizonStart: '2027-01',
    });
    // CPMA 100 × 12 months + 3 safety months × 100 − 150 in stock − 50 in transit = 1 300 → 52 packs.
    expect(expected.quantity).toBe(1300);
    expect(line.prefill_quantity).toBe(expected.quantity);
    expect(line.pack_size).toBe(25);
    const sheet = await programmeSheet(database.db, programme.id);
    const shown = sheet?.lines.find((l) => l.resourceCode === DROPS);
    expect(shown?.stale).toBe(false);
    expect(shown?.computation.steps.length).toBeGreaterThan(5);
    expect(shown?.history).toHaveLength(12);
    expect(shown?.history.find((h) => h.month === '2026-03')?.stockoutDays).toBe(2);
  });
});

describe('the workflow', () => {
  it('refuses a stale version, and a quantity that is not whole packs', async () => {
    const { id, version } = await programmeOf(UNIT);
    const stale = await refused(
      updateLine(database.db, actor, id, DROPS, {
        version: version - 1,
        unitQuantity: 1500,
        justification: null,
        method: 'cpma',
      }),
    );
    expect(stale.code).toBe('version_conflict');
    const odd = await refused(
      updateLine(database.db, actor, id, DROPS, {
        version,
        unitQuantity: 1510,
        justification: null,
        method: 'cpma',
      }),
    );
    expect(odd.code).toBe('invalid_quantity');
  });

  it('goes from draft to approved through review, with its preconditions', async () => {
    const db = database.db;
    const { id } = await programmeOf(UNIT);
    let version = (await programmeOf(UNIT)).version;
    version = await updateLine(db, actor, id, DROPS, {
      version,
      unitQuantity: 1500,
      justification: null,
      method: 'cpma',
    });
    const unjustified = await refused(act(id, 'submit', version, EDITOR));
    expect(unjustified.code).toBe('transition_blocked');
    expect(unjustified.details).toEqual({
      problems: [{ code: 'justification_missing', resourceCodes: [DROPS] }],
    });
    version = await updateLine(db, actor, id, DROPS, {
      version,
      unitQuantity: 1500,
      justification: 'Campaña de tamizaje en Celendín en 2027',
      method: 'cpma',
    });
    const wrongRole = await refused(act(id, 'submit', version, REVIEWER));
    expect(wrongRole.code).toBe('forbidden');
    version = await act(id, 'submit', version, EDITOR);
    expect((await programmeOf(UNIT)).status).toBe('submitted');
    const early = await refused(act(id, 'approve', version, REVIEWER));
    expect(early.code).toBe('invalid_transition');
    version = await act(id, 'validate', version, VALIDATOR);
    expect((await programmeOf(UNIT)).status).toBe('in_review');
    const observationId = await addObservation(db, actor, id, {
      version,
      resourceCode: DROPS,
      criticality: 'high',
      note: 'Sustente el aumento frente al CPMA',
    });
    version += 1;
    const noNote = await refused(act(id, 'return', version, REVIEWER, ' '));
    expect(noNote.details).toEqual({ problems: [{ code: 'note_required' }] });
    const blocked = await refused(act(id, 'approve', version, REVIEWER));
    expect(blocked.details).toEqual({
      problems: [{ code: 'observations_open', observationIds: [observationId] }],
    });
    version = await act(id, 'return', version, REVIEWER, 'Ver observación');
    expect((await programmeOf(UNIT)).status).toBe('returned');
    const stillOpen = await refused(act(id, 'submit', version, EDITOR));
    expect(stillOpen.details).toEqual({
      problems: [{ code: 'observations_open', observationIds: [observationId] }],
    });
    version = await addressObservation(db, actor, observationId, {
      version,
      response: 'Se adjunta el plan de campaña',
    });
    version = await act(id, 'submit', version, EDITOR);
    version = await act(id, 'validate', version, VALIDATOR);
    version = await act(id, 'approve', version, REVIEWER);
    const sheet = await programmeSheet(db, id);
    expect(sheet?.programme.status).toBe('approved');
    expect(sheet?.observations.map((o) => o.status)).toEqual(['resolved']);
    expect(sheet?.events.map((e) => e.action)).toEqual([
      'submit',
      'validate',
      'return',
      'submit',
      'validate',
      'approve',
    ]);
    expect(sheet?.programme.version).toBe(version);
  });

  it('lets exactly one of two concurrent approvals win', async () => {
    const db = database.db;
    const { id } = await programmeOf(OTHER_UNIT);
    let version = (await programmeOf(OTHER_UNIT)).version;
    version = await act(id, 'submit', version, EDITOR);
    version = await act(id, 'validate', version, VALIDATOR);
    const approve = () => act(id, 'approve', version, REVIEWER);
    const outcomes = await Promise.allSettled([approve(), approve()]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const loser = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect((loser.reason as ProgrammingError).code).toBe('version_conflict');
    const events = await db
      .selectFrom('programme_event')
      .select('action')
      .where('programme_id', '=', id)
      .where('action', '=', 'approve')
      .execute();
    expect(events).toHaveLength(1);
  });
});

describe('consolidation', () => {
  it('sums the final quantities of approved programmes and freezes them', async () => {
    const db = database.db;
    const before = await consolidatedProducts(db, roundId, null);
    const drops = before.find((p) => p.resourceCode === DROPS);
    const other = (await programmeSheet(db, (await programmeOf(OTHER_UNIT)).id))?.lines.find(
      (l) => l.resourceCode === DROPS,
    );
    expect(drops?.units).toBe(2);
    expect(drops?.quantity).toBe(1500 + (other?.finalQuantity ?? NaN));
    expect(drops?.packs).toBe(60 + Math.ceil((other?.finalQuantity ?? NaN) / 25));
    expect(drops?.cost).toBeCloseTo(drops!.quantity * 2.5, 6);
    const byUnit = await consolidationByUnit(db, roundId, DROPS, [UNIT]);
    expect(byUnit).toEqual([
      expect.objectContaining({
        unit: expect.objectContaining({ code: UNIT }),
        finalQuantity: 1500,
      }),
    ]);
    // Other units are still in draft: refused unless the caller confirms (issue #10).
    const pending = await refused(consolidateRound(db, actor, roundId));
    expect(pending.code).toBe('units_pending');
    expect(await consolidateRound(db, actor, roundId, { allowPending: true })).toMatchObject({
      consolidated: 2,
    });
    expect((await programmeOf(UNIT)).status).toBe('consolidated');
    const frozen = await db
      .selectFrom('round_consolidation')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('resource_code', '=', DROPS)
      .executeTakeFirstOrThrow();
    expect(frozen.quantity).toBe(drops?.quantity);
    const again = await refused(consolidateRound(db, actor, roundId, { allowPending: true }));
    expect(again.code).toBe('nothing_to_consolidate');
  });
});

describe('assistance meetings', () => {
  it('records attendance, feedback and observations addressed before approval', async () => {
    const db = database.db;
    const id = await createMeeting(db, actor, roundId, {
      groupName: 'Macro región norte',
      startsOn: '2026-11-10',
      endsOn: '2026-11-11',
      modality: 'virtual',
      place: null,
      unitCodes: [UNIT, OTHER_UNIT],
    });
    await updateParticipant(db, actor, id, UNIT, {
      attended: true,
      feedback: 'Revisar el CPMA de gotas',
    });
    const [meeting] = await listMeetings(db, roundId, id);
    const unit = meeting?.participants.find((p) => p.unit.code === UNIT);
    expect(unit).toMatchObject({
      attended: true,
      feedback: 'Revisar el CPMA de gotas',
      observations: 1,
      addressedBeforeApproval: 1,
    });
    const invalid = await refused(
      createMeeting(db, actor, roundId, {
        groupName: 'x',
        startsOn: '2026-11-12',
        endsOn: '2026-11-11',
        modality: 'virtual',
        place: null,
        unitCodes: [UNIT],
      }),
    );
    expect(invalid.code).toBe('invalid_meeting');
  });
});
