import { fileURLToPath } from 'node:url';
import type { FollowUpSchedule } from '@yawar/core';
import {
  describeDatabase,
  loadPseudonymKey,
  openPreparedDatabase,
  type DatabaseConfig,
  type SecurityConfig,
} from '@yawar/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';

/** The built web app, at the same depth from src/ and dist/. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));
export const VERSION = '0.1.0';

export interface ServeOptions {
  readonly database: DatabaseConfig;
  readonly security: SecurityConfig;
  readonly port: number;
  readonly host: string;
  readonly webDir?: string | null;
  readonly defaultDepartment?: string;
  readonly logLevel?: string;
  /** Load simulated screening records into an empty database (YAWAR_DEMO_DATA). */
  readonly demoData?: boolean;
  /** The follow-up schedule (YAWAR_FOLLOW_UP_SCHEDULE, read by followUpScheduleFromEnv). */
  readonly followUpSchedule?: FollowUpSchedule;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  /** Set when this start created the first administrator: print it once, it is stored nowhere. */
  readonly initialAdminPassword: string | null;
  close(): Promise<void>;
}

/** Headers that carry credentials never reach the logs. */
export const LOG_REDACT = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
];

/** Opens (and if needed migrates and seeds) the database, then listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  // Created on first run, apart from the database, before any data could need it.
  loadPseudonymKey(options.security.secretDir);
  const connection = await openPreparedDatabase(options.database, {
    demoData: options.demoData ?? false,
  });

  const app = await buildApp({
    connection,
    defaultDepartment: options.defaultDepartment ?? '06',
    version: VERSION,
    security: options.security,
    ...(options.followUpSchedule ? { followUpSchedule: options.followUpSchedule } : {}),
    webDir: options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir,
    logger: { level: options.logLevel ?? 'info', redact: LOG_REDACT },
  });
  if (connection.demoScreenings) {
    app.log.info(
      { screenings: connection.demoScreenings.screenings },
      'loaded SIMULATED demo screening records',
    );
  }
  if (connection.demoSupplyHistory) {
    app.log.info(
      { rows: connection.demoSupplyHistory.rows },
      'loaded SIMULATED demo consumption and stock history',
    );
  }
  if (connection.demoRound) {
    app.log.info(
      { programmes: connection.demoRound.programmes, lines: connection.demoRound.lines },
      'opened and computed the demo programming round (from simulated history)',
    );
  }
  if (options.security.demoAccounts) {
    app.log.warn(
      'demo accounts are enabled (YAWAR_DEMO_ACCOUNTS=off disables them): do not use in production',
    );
  }
  if (connection.seeded) {
    const { totals } = connection.seeded;
    app.log.info({ totals }, 'empty database: loaded the Cajamarca reference data');
    const dem = connection.seeded.dem;
    if (dem)
      app.log.info(
        { files: dem.files.map((f) => f.grid), counts: dem.counts },
        'altitudes from the shipped DEM given to populated places and establishments',
      );
  }
  app.log.info(`database: ${describeDatabase(options.database)}`);
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await app.close();
    await connection.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(options.host)
    ? 'localhost'
    : options.host;
  let closing: Promise<void> | null = null;
  return {
    app,
    url: `http://${shownHost}:${port}`,
    initialAdminPassword: connection.accounts.adminPassword,
    close: () => (closing ??= app.close().then(() => connection.close())),
  };
}

/** Closes cleanly on SIGINT/SIGTERM: in-flight requests finish, the database is flushed and closed. */
export function closeOnSignals(server: RunningServer): void {
  const stop = (signal: NodeJS.Signals) => {
    server.app.log.info(`${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
