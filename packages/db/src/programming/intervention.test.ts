import {
  anemiaInterventionTree,
  DEFAULT_INTERVENTION_PARAMETERS,
  DEFAULT_PROGRAMMING_PARAMETERS,
  DEFAULT_SCREENING_TESTS_PER_CHILD,
  infantsFourToFiveMonths,
  packsFor,
} from '@yawar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.js';
import { openPreparedDatabase, type PreparedDatabase } from '../bootstrap.js';
import { loadSimulatedScreenings } from '../screening/simulated.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { roundContext } from './compute.js';
import { computeRound } from './compute-round.js';
import { unitIntervention } from './intervention.js';
import { updateLine } from './lines.js';
import { programmeSummaries } from './programmes.js';
import { createRound } from './rounds.js';
import { programmeSheet } from './sheet.js';

/** The anemia tree of a unit, prefilled from its establishments' screenings and districts. */

let testDb: TestDatabase;
let database: PreparedDatabase;
let roundId = 0;
const actor = systemActor('test');
const UNIT = '785';

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await openPreparedDatabase(testDb.config);
  await loadSimulatedScreenings(database.db, {
    department: '06',
    children: 6000,
    seed: 11,
    from: '2025-11-01',
    to: '2026-10-31',
  });
  roundId = await createRound(
    database.db,
    actor,
    {
      name: 'Intervención 2027',
      fiscalYear: 2027,
      opensOn: '2026-11-02',
      closesOn: '2026-12-18',
      horizonStart: '2027-01',
      historyEnd: '2026-10',
      regionalReview: false,
      parameters: DEFAULT_PROGRAMMING_PARAMETERS,
    },
    [UNIT],
  );
  await computeRound(database.db, actor, roundId);
});

afterAll(async () => {
  await database.close();
  await testDb.drop();
});

describe('the unit intervention tree', () => {
  it('takes children from the districts served and prevalence from the unit screenings', async () => {
    const round = await roundContext(database.db, roundId);
    const result = await unitIntervention(database.db, round, UNIT);
    const districts = await database.db
      .selectFrom('district')
      .select((eb) => eb.fn.sum<number>('children_6_35m').as('n'))
      .where(
        'ubigeo',
        'in',
        database.db
          .selectFrom('establishment')
          .select('district_ubigeo')
          .where('executing_unit_code', '=', UNIT),
      )
      .executeTakeFirstOrThrow();
    expect(result.children).toBe(Number(districts.n));
    expect(result.children).toBeGreaterThan(0);
    expect(result.simulatedScreenings).toBe(true);
    const tested = result.bands.reduce((s, b) => s + b.tested, 0);
    expect(tested).toBeGreaterThan(20);
    for (const band of result.bands) {
      expect(band.prevalence).toBeGreaterThanOrEqual(0);
      expect(band.prevalence).toBeLessThanOrEqual(1);
    }
    // The same tree from the core, with the same inputs, gives the same drops: mL ÷ 30 mL a bottle.
    const tree = anemiaInterventionTree({
      bands: Object.fromEntries(
        result.bands.map((b) => [
          b.band,
          {
            children: b.children,
            screeningTestsPerChild: DEFAULT_SCREENING_TESTS_PER_CHILD[b.band],
            anemiaPrevalence: b.prevalence ?? 0,
          },
        ]),
      ) as never,
      infantsFourToFiveMonths: infantsFourToFiveMonths(result.children),
      ...DEFAULT_INTERVENTION_PARAMETERS,
    });
    const dropsMl = tree.products.find((p) => p.productCode === 'sulfato-ferroso-gotas-25mg-ml');
    expect(result.demand.get('FE-SF-GOT-30')).toBeCloseTo((dropsMl?.quantity ?? NaN) / 30, 6);
    const lancets = tree.products.find((p) => p.productCode === 'lanceta')?.quantity;
    expect(result.demand.get('HB-LANCETA')).toBeCloseTo(lancets ?? NaN, 6);
    // The 6–11 band renews twice a year: its entrants are twice the children in it, and the
    // 4–5-month preventive node is there, fed by the same estimate.
    expect(result.tree?.entrants['6-11']).toBeCloseTo(2 * (result.bands[0]?.children ?? NaN), 6);
    expect(result.tree?.tree.nodes.some((n) => n.id === 'prevention-4-5')).toBe(true);
    // Annual cohort: 2 ÷ 30 of the estimate in the band × 12 ÷ 2 = 12 ÷ 30 of it.
    expect(result.tree?.entrants['4-5']).toBeCloseTo((result.children * 12) / 30, 6);
  });

  it('prefills a line switched to the intervention method from the tree', async () => {
    const round = await roundContext(database.db, roundId);
    const tree = await unitIntervention(database.db, round, UNIT);
    const [programme] = await programmeSummaries(database.db, { roundId, unitCodes: [UNIT] });
    const before = await programmeSheet(database.db, programme!.id);
    const offered = before?.lines
      .find((l) => l.resourceCode === 'HB-LANCETA')
      ?.alternatives.find((a) => a.method === 'intervention');
    expect(offered?.usedMethod).toBe('intervention');
    await updateLine(database.db, actor, programme!.id, 'HB-LANCETA', {
      version: programme!.version,
      unitQuantity: null,
      justification: null,
      method: 'intervention',
    });
    const sheet = await programmeSheet(database.db, programme!.id);
    const line = sheet?.lines.find((l) => l.resourceCode === 'HB-LANCETA');
    expect(line?.computation.method).toBe('intervention');
    expect(line?.computation.demand).toBeCloseTo(tree.demand.get('HB-LANCETA') ?? NaN, 6);
    expect(line?.prefillQuantity).toBe(line?.computation.quantity);
    expect(line?.prefillQuantity).toBe(offered?.quantity);
    expect(line?.prefillQuantity).toBe(
      packsFor(line?.computation.netRequirement ?? NaN, 100) * 100,
    );
    expect(line?.alternatives.map((a) => a.method)).toContain('holt_winters');
  });
});
