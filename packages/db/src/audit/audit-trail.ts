import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Actor } from './actor.js';

export interface AuditEntry {
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  /** Summaries, never secrets: callers pass what changed, not password hashes or tokens. */
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Appends one event; call it inside the transaction of the write it describes. */
export async function recordAudit(
  db: Kysely<Database>,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      actor: actor.label,
      actor_user_id: actor.userId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      request_id: actor.requestId ?? null,
      ip: actor.ip ?? null,
    })
    .execute();
}

export interface AuditFilter {
  readonly actor?: string | undefined;
  readonly entity?: string | undefined;
  readonly action?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

function filtered(db: Kysely<Database>, filter: AuditFilter) {
  let query = db.selectFrom('audit_event');
  if (filter.actor) query = query.where('actor', 'ilike', `%${filter.actor}%`);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.action) query = query.where('action', 'ilike', `%${filter.action}%`);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  return query;
}

export async function listAudit(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: { offset: number; limit: number },
): Promise<{ items: AuditRow[]; total: number }> {
  const items = await filtered(db, filter)
    .select([
      sql<number>`id::int`.as('id'),
      'at',
      'actor',
      'action',
      'entity',
      'entity_id as entityId',
      'before',
      'after',
      'request_id as requestId',
      'ip',
    ])
    .orderBy('id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const { total } = await filtered(db, filter)
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirstOrThrow();
  return { items, total };
}
