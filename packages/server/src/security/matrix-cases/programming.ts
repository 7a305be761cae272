import type { Role } from '@yawar/core';
import {
  addObservation,
  createMeeting,
  createRound,
  programmeSummaries,
  systemActor,
  transitionProgramme,
  type YawarDatabase,
} from '@yawar/db';
import type { RouteCase } from './common.js';

/**
 * Rows of the authorization matrix for /api/programming. Writes name version 999 999, which no
 * programme has: an allowed caller gets 409 version_conflict (state untouched), a refused one 403.
 */
const READERS: Role[] = ['admin', 'national_analyst', 'regional_planner', 'unit_programmer'];
const EDITORS: Role[] = ['admin', 'unit_programmer'];
const VALIDATORS: Role[] = ['admin', 'regional_planner'];
const REVIEWERS: Role[] = ['admin', 'national_analyst'];
const STALE = { version: 999_999 };
const UNIT = '785';
let seq = 0;

/** A round with unit 785's programme in review and one open observation, for the cases below. */
export async function setupProgrammingCases(db: YawarDatabase): Promise<Record<string, string>> {
  const actor = systemActor('matrix');
  const round = await createRound(db, actor, {
    name: 'Matriz',
    fiscalYear: 2027,
    opensOn: '2026-11-02',
    closesOn: '2026-12-18',
    horizonStart: '2027-01',
    historyEnd: '2026-10',
    regionalReview: true,
    parameters: {
      horizonMonths: 12,
      safetyStockMonths: 3,
      historyWindowMonths: 12,
      growthRate: 0,
      defaultMethod: 'cpma',
      holtWinters: { alpha: 0.2, beta: 0.2, gamma: 0.2 },
    },
  });
  const [programme] = await programmeSummaries(db, { roundId: round, unitCodes: [UNIT] });
  if (!programme) throw new Error('no programme for 785');
  const id = programme.id;
  let version = programme.version;
  // A programme without lines cannot be submitted: give it one.
  await db
    .insertInto('programme_line')
    .values({
      programme_id: id,
      resource_code: 'FE-SF-GOT-30',
      method: 'cpma',
      prefill_quantity: 0,
      computed_method: 'cpma',
      cpma: 0,
      demand: 0,
      safety_stock: 0,
      stock_available: 0,
      in_transit: 0,
      net_requirement: 0,
      notices: '',
      unit_price: 2.5,
      pack_size: 25,
    })
    .execute();
  const all = [
    'programming:read',
    'programming:edit',
    'programming:validate',
    'programming:review',
  ] as const;
  for (const action of ['submit', 'validate'] as const)
    version = await transitionProgramme(db, actor, id, {
      action,
      version,
      note: null,
      permissions: all,
    });
  const observation = await addObservation(db, actor, id, {
    version,
    resourceCode: null,
    criticality: 'low',
    note: 'matriz',
  });
  const meeting = await createMeeting(db, actor, round, {
    groupName: 'Matriz',
    startsOn: '2026-11-10',
    endsOn: '2026-11-11',
    modality: 'virtual',
    place: null,
    unitCodes: [UNIT],
  });
  return {
    round: String(round),
    programme: String(id),
    observation: String(observation),
    meeting: String(meeting),
  };
}

const P = '/api/programming';
const read = (route: string, url: string, roles: Role[], scoped: boolean): RouteCase => ({
  method: 'GET',
  route,
  url,
  roles,
  scoped,
  ok: 200,
});
const post = (
  route: string,
  url: string,
  roles: Role[],
  ok: number,
  body: () => unknown = () => STALE,
): RouteCase => ({ method: 'POST', route, url, roles, scoped: true, ok, body });

export const PROGRAMMING_ROUTE_CASES: RouteCase[] = [
  read(`${P}/rounds`, `${P}/rounds`, READERS, false),
  post(`${P}/rounds`, `${P}/rounds`, REVIEWERS, 201, () => ({
    name: `Ronda matriz ${++seq}`,
    fiscalYear: 2028,
    opensOn: '2027-11-01',
    closesOn: '2027-12-15',
    horizonStart: '2028-01',
    historyEnd: '2027-10',
    regionalReview: false,
    parameters: {
      horizonMonths: 12,
      safetyStockMonths: 3,
      historyWindowMonths: 12,
      growthRate: 0,
      defaultMethod: 'cpma',
      holtWinters: { alpha: 0.2, beta: 0.2, gamma: 0.2 },
    },
  })),
  read(`${P}/rounds/:id/programmes`, `${P}/rounds/{round}/programmes`, READERS, false),
  post(`${P}/rounds/:id/compute`, `${P}/rounds/{round}/compute`, REVIEWERS, 202, () => ({
    unitCodes: ['1047'],
  })),
  read(`${P}/programmes/:id`, `${P}/programmes/{programme}`, READERS, true),
  {
    method: 'PATCH',
    route: `${P}/programmes/:id/lines/:resourceCode`,
    url: `${P}/programmes/{programme}/lines/FE-SF-GOT-30`,
    roles: EDITORS,
    scoped: true,
    ok: 409,
    body: () => ({ ...STALE, unitQuantity: 100, justification: null, method: 'cpma' }),
  },
  post(`${P}/programmes/:id/submit`, `${P}/programmes/{programme}/submit`, EDITORS, 409),
  post(`${P}/programmes/:id/validate`, `${P}/programmes/{programme}/validate`, VALIDATORS, 409),
  post(`${P}/programmes/:id/return`, `${P}/programmes/{programme}/return`, READERS, 409),
  post(`${P}/programmes/:id/approve`, `${P}/programmes/{programme}/approve`, REVIEWERS, 409),
  post(
    `${P}/programmes/:id/observations`,
    `${P}/programmes/{programme}/observations`,
    REVIEWERS,
    409,
    () => ({
      ...STALE,
      resourceCode: null,
      criticality: 'low',
      note: 'matriz',
    }),
  ),
  post(
    `${P}/observations/:id/address`,
    `${P}/observations/{observation}/address`,
    EDITORS,
    409,
    () => ({
      ...STALE,
      response: 'respuesta',
    }),
  ),
  post(`${P}/observations/:id/resolve`, `${P}/observations/{observation}/resolve`, REVIEWERS, 409),
  read(
    `${P}/programmes/:id/intervention`,
    `${P}/programmes/{programme}/intervention`,
    READERS,
    true,
  ),
  read(`${P}/programmes/:id/export.xlsx`, `${P}/programmes/{programme}/export.xlsx`, READERS, true),
  {
    method: 'POST',
    route: `${P}/programmes/:id/import`,
    url: `${P}/programmes/{programme}/import?version=999999`,
    roles: EDITORS,
    scoped: true,
    ok: 422,
    raw: {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: 'not a workbook',
    },
  },
  read(`${P}/rounds/:id/consolidation`, `${P}/rounds/{round}/consolidation`, READERS, false),
  read(
    `${P}/rounds/:id/consolidation.xlsx`,
    `${P}/rounds/{round}/consolidation.xlsx`,
    READERS,
    false,
  ),
  read(
    `${P}/rounds/:id/consolidation/:resourceCode`,
    `${P}/rounds/{round}/consolidation/FE-SF-GOT-30`,
    READERS,
    false,
  ),
  post(
    `${P}/rounds/:id/consolidate`,
    `${P}/rounds/{round}/consolidate`,
    REVIEWERS,
    409,
    () => ({}),
  ),
  read(`${P}/rounds/:id/meetings`, `${P}/rounds/{round}/meetings`, READERS, false),
  post(`${P}/rounds/:id/meetings`, `${P}/rounds/{round}/meetings`, REVIEWERS, 201, () => ({
    groupName: 'Grupo matriz',
    startsOn: '2026-11-12',
    endsOn: '2026-11-13',
    modality: 'in_person',
    place: 'Lima',
    unitCodes: [UNIT],
  })),
  {
    method: 'PATCH',
    route: `${P}/meetings/:id/participants/:unitCode`,
    url: `${P}/meetings/{meeting}/participants/${UNIT}`,
    roles: REVIEWERS,
    scoped: true,
    ok: 200,
    body: () => ({ attended: true, feedback: 'ok' }),
  },
];
