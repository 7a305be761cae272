import type { Role, Scope } from '@yawar/core';
import type { Kysely } from 'kysely';
import { systemActor } from '../audit/actor.js';
import type { Database } from '../schema.js';
import { createUser, findUser } from './users.js';

/**
 * Demo accounts, one per role, for trying Yawar on the Cajamarca data. They are marked demo, share
 * a published password, and stop working when YAWAR_DEMO_ACCOUNTS=off (do that in production).
 */
export const DEMO_PASSWORD = 'demo-yawar-cajamarca';

export const DEMO_ACCOUNTS: readonly {
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
}[] = [
  {
    username: 'demo.admin',
    displayName: 'Demo · Administración',
    role: 'admin',
    scope: { kind: 'national', code: '' },
  },
  {
    username: 'demo.analista',
    displayName: 'Demo · Analista CENARES',
    role: 'national_analyst',
    scope: { kind: 'national', code: '' },
  },
  {
    username: 'demo.planificador',
    displayName: 'Demo · Planificación DIRESA Cajamarca',
    role: 'regional_planner',
    scope: { kind: 'department', code: '06' },
  },
  {
    username: 'demo.programador',
    displayName: 'Demo · Programación UE 785',
    role: 'unit_programmer',
    scope: { kind: 'executing_unit', code: '785' },
  },
  {
    username: 'demo.laboratorio',
    displayName: 'Demo · Coordinación de laboratorios Red Chota',
    role: 'lab_coordinator',
    scope: { kind: 'network', code: '06/CHOTA' },
  },
  {
    // The microred level: sees the individual records of microred CHOTA's establishments only.
    username: 'demo.microrred',
    displayName: 'Demo · Coordinación de laboratorios Microrred Chota',
    role: 'lab_coordinator',
    scope: { kind: 'microred', code: '06/CHOTA/CHOTA' },
  },
  {
    username: 'demo.visor',
    displayName: 'Demo · Consulta',
    role: 'viewer',
    scope: { kind: 'department', code: '06' },
  },
];

export interface AccountSeed {
  /** The first administrator's password, when this run created it: print once, store nowhere. */
  readonly adminPassword: string | null;
}

/** On a database without users: creates `admin` (random password) and the demo accounts. */
export async function seedAccounts(db: Kysely<Database>): Promise<AccountSeed> {
  const anyone = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (anyone) return { adminPassword: null };
  const actor = systemActor('first-run');
  const { password } = await createUser(db, actor, {
    username: 'admin',
    displayName: 'Administrador',
    role: 'admin',
    scope: { kind: 'national', code: '' },
  });
  for (const demo of DEMO_ACCOUNTS) {
    if (!(await findUser(db, { username: demo.username }))) {
      await createUser(db, actor, { ...demo, password: DEMO_PASSWORD, isDemo: true });
    }
  }
  return { adminPassword: password };
}
