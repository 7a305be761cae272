import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connection } from '../connect.js';
import { testEngine } from '../testing/test-database.js';

// The embedded engine runs PGlite on its own thread (worker/pglite-host.mjs). These are the
// properties the server relies on, checked on a real in-memory PGlite; PostgreSQL has its own
// server process and pool, so the suite is the embedded engine's alone (run in the PGlite pass).
let connection: Connection;

beforeAll(async () => {
  if (testEngine() === 'postgres') return;
  connection = connect({ engine: 'pglite', url: null, dataDir: null });
  await sql`create table probe (id int primary key, note text)`.execute(connection.db);
});
afterAll(() => connection?.close());

/** Resolves when `open` has been called; the transaction then waits for `finish`. */
function heldTransaction(work: (trx: typeof connection.db) => Promise<void>) {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let opened!: () => void;
  const isOpen = new Promise<void>((resolve) => (opened = resolve));
  const done = connection.db.transaction().execute(async (trx) => {
    await work(trx);
    opened();
    await finished;
  });
  return { isOpen, finish, done };
}

describe.skipIf(testEngine() === 'postgres')('the embedded database thread', () => {
  it('keeps the caller’s event loop free while a long statement runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      // About a second of work inside PGlite; on the caller's thread no timer could fire.
      await sql`select count(*) from generate_series(1, 3000000) g where md5(g::text) like 'a%'`.execute(
        connection.db,
      );
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(3);
  });

  it('runs concurrent requests’ statements in one of the caller’s turns, not one per turn', async () => {
    // A busy server thread: slices of work with a turn of the event loop between them, as a file
    // being validated. Kysely's PGlite adapter held a mutex from each statement's acquire to its
    // release, so twenty requests needed twenty turns (seconds, with real slices).
    let turns = 0;
    let busy = true;
    const slices = (async () => {
      while (busy) {
        turns++;
        // 20 ms of work per slice: long enough for the database's thread to answer meanwhile.
        for (const start = performance.now(); performance.now() - start < 20;);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const requests = Array.from({ length: 20 }, (_, i) =>
      sql<{ n: number }>`select ${i}::int as n`.execute(connection.db),
    );
    const answers = await Promise.all(requests);
    const turnsTaken = turns;
    busy = false;
    await slices;
    expect(answers.map((a) => a.rows[0]?.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(turnsTaken).toBeLessThan(10);
  });

  it('never runs another request’s statement inside an open transaction', async () => {
    const held = heldTransaction(async (trx) => {
      await sql`insert into probe values (1, 'uncommitted')`.execute(trx);
    });
    await held.isOpen;
    let outsideAnswered = false;
    const outside = sql<{ n: number }>`select count(*)::int as n from probe`
      .execute(connection.db)
      .then((result) => {
        outsideAnswered = true;
        return result.rows[0]?.n;
      });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // It waits for the session instead of joining the transaction.
    expect(outsideAnswered).toBe(false);
    held.finish();
    await held.done;
    // It ran after the commit, so it saw the row, as a separate session would.
    expect(await outside).toBe(1);
  });

  it('rolls back a failed transaction and lets the next client in', async () => {
    await expect(
      connection.db.transaction().execute(async (trx) => {
        await sql`insert into probe values (10, 'rolled back')`.execute(trx);
        throw new Error('the caller gives up');
      }),
    ).rejects.toThrow('the caller gives up');
    const rows = await sql`select id from probe where id = 10`.execute(connection.db);
    expect(rows.rows).toEqual([]);
  });

  it('reports PostgreSQL errors with their SQLSTATE code', async () => {
    await sql`insert into probe values (20, 'first')`.execute(connection.db);
    const error = await sql`insert into probe values (20, 'again')`
      .execute(connection.db)
      .catch((e: unknown) => e as { code?: string; constraint?: string; message: string });
    expect(error).toMatchObject({ code: '23505', constraint: 'probe_pkey' });
  });

  it('is alive during another client’s transaction, and not after close', async () => {
    const held = heldTransaction(async () => undefined);
    await held.isOpen;
    expect(await connection.isAlive()).toBe(true);
    held.finish();
    await held.done;
    const other = connect({ engine: 'pglite', url: null, dataDir: null });
    await sql`select 1`.execute(other.db);
    expect(await other.isAlive()).toBe(true);
    await other.close();
    expect(await other.isAlive()).toBe(false);
  });
});
