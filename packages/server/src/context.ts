import type { Connection, SecurityConfig } from '@yawar/db';

/** What every route needs, handed in by whoever builds the app (server start, tests, CLI). */
export interface AppContext {
  readonly connection: Connection;
  /** Department shown when a request names none (the pilot's: 06 Cajamarca). */
  readonly defaultDepartment: string;
  readonly version: string;
  readonly security: SecurityConfig;
}
