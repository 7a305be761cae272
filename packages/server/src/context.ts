import type { FollowUpSchedule } from '@yawar/core';
import type { Connection, SecurityConfig } from '@yawar/db';
import type { JobRegistry } from './jobs/job-registry.js';

/** What every route needs, handed in by whoever builds the app (server start, tests, CLI). */
export interface AppContext {
  readonly connection: Connection;
  /** Department shown when a request names none (the pilot's: 06 Cajamarca). */
  readonly defaultDepartment: string;
  readonly version: string;
  readonly security: SecurityConfig;
  /** Follow-up schedule of this deployment (YAWAR_FOLLOW_UP_SCHEDULE); default core's default. */
  readonly followUpSchedule?: FollowUpSchedule;
}

/** What the app builds once and hands to its routes: the context plus the shared job registry. */
export interface ServerContext extends AppContext {
  readonly jobs: JobRegistry;
}
