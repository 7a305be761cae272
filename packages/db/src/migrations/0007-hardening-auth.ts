import { sql, type Kysely } from 'kysely';

/**
 * Issue 10, findings 2 and 3 (docs/methods/security.md, "Threats considered"): failed logins are
 * counted per (username as typed, client address), in one atomic statement, instead of in
 * `app_user.failed_logins` by read-modify-write. Keying by the name as typed (not the account id)
 * gives unknown names the same statements as real ones, so neither answer nor work tells them
 * apart; keying by address means a stranger cannot lock `admin` out everywhere.
 * `app_user.failed_logins` is no longer written; `app_user.locked_until` only records, for the
 * administrators' list, the latest time some address locked the account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('username', 'text', (c) => c.notNull())
    // Client address as Fastify sees it (request.ip, honouring YAWAR_TRUST_PROXY); '' if unknown.
    .addColumn('address', 'text', (c) => c.notNull())
    // Attempts claimed since the last success or the last expired lock, the current one included.
    .addColumn('attempts', 'integer', (c) => c.notNull().check(sql`attempts >= 0`))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_attempt_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_throttle_pk', ['username', 'address'])
    .execute();
  await db.schema
    .createIndex('login_throttle_last_attempt')
    .on('login_throttle')
    .column('last_attempt_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_throttle').execute();
}
