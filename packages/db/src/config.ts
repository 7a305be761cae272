import path from 'node:path';
import {
  DEFAULT_FOLLOW_UP_SCHEDULE,
  FOLLOW_UP_SCHEDULES,
  followUpSchedule,
  type FollowUpSchedule,
} from '@yawar/core';

export type Engine = 'pglite' | 'postgres';

export interface DatabaseConfig {
  readonly engine: Engine;
  /** PostgreSQL connection string when engine is postgres. */
  readonly url: string | null;
  /** PGlite data folder; null keeps the embedded database in memory (tests). */
  readonly dataDir: string | null;
}

/**
 * One reading of the environment shared by the server and every CLI command, so `yawar` alone
 * sees the same database as `npm start`: DATABASE_URL selects PostgreSQL, otherwise the embedded
 * engine keeps its files in YAWAR_DATA_DIR (default ./var/db).
 */
export function databaseConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): DatabaseConfig {
  const url = env['DATABASE_URL']?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    return { engine: 'postgres', url, dataDir: null };
  }
  return {
    engine: 'pglite',
    url: null,
    dataDir: path.resolve(cwd, env['YAWAR_DATA_DIR']?.trim() || 'var/db'),
  };
}

/** The connection string without its password, for logs and messages. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.engine === 'pglite') return `PGlite (${config.dataDir ?? 'memory'})`;
  const url = new URL(config.url ?? '');
  if (url.password) url.password = '***';
  return `PostgreSQL (${url.toString()})`;
}

export interface SecurityConfig {
  /** Demo accounts may log in (YAWAR_DEMO_ACCOUNTS=on|off, default on: switch off in production). */
  readonly demoAccounts: boolean;
  /** Territory and establishment registries readable without a session (YAWAR_PUBLIC_REGISTRIES, default on). */
  readonly publicRegistries: boolean;
  /** Where secrets live, apart from the database (YAWAR_SECRET_DIR, default ./var/secrets). */
  readonly secretDir: string;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* (YAWAR_TRUST_PROXY, default off). */
  readonly trustProxy: boolean;
  /**
   * Login attempts per minute from one address (YAWAR_LOGIN_RATE_LIMIT, default 30). Generous
   * because a whole DIRESA may share one public address; each account has its own lockout.
   */
  readonly loginAttemptsPerMinute: number;
}

export function securityConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): SecurityConfig {
  return {
    demoAccounts: flag(env, 'YAWAR_DEMO_ACCOUNTS', true),
    publicRegistries: flag(env, 'YAWAR_PUBLIC_REGISTRIES', true),
    secretDir: path.resolve(cwd, env['YAWAR_SECRET_DIR']?.trim() || 'var/secrets'),
    trustProxy: flag(env, 'YAWAR_TRUST_PROXY', false),
    loginAttemptsPerMinute: positiveInteger(env, 'YAWAR_LOGIN_RATE_LIMIT', 30),
  };
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (!value) return fallback;
  if (['1', 'on', 'true', 'yes', 'si', 'sí'].includes(value)) return true;
  if (['0', 'off', 'false', 'no'].includes(value)) return false;
  throw new Error(`${name} must be on or off, not "${value}"`);
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`${name} must be a positive whole number, not "${value}"`);
  return number;
}

/**
 * The follow-up schedule of this deployment (YAWAR_FOLLOW_UP_SCHEDULE, default
 * `nts-213-2024-treatment`): one of core's versioned schedules (FOLLOW_UP_SCHEDULES), read once at
 * start so a misspelt id stops the server with the list of valid ones instead of serving lists
 * under a schedule nobody chose.
 */
export function followUpScheduleFromEnv(env: NodeJS.ProcessEnv = process.env): FollowUpSchedule {
  const value = env['YAWAR_FOLLOW_UP_SCHEDULE']?.trim();
  if (!value) return DEFAULT_FOLLOW_UP_SCHEDULE;
  const schedule = followUpSchedule(value);
  if (!schedule)
    throw new Error(
      `YAWAR_FOLLOW_UP_SCHEDULE must be one of ${FOLLOW_UP_SCHEDULES.map((s) => s.id).join(', ')}, not "${value}"`,
    );
  return schedule;
}
