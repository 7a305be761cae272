// @ts-check
// The embedded database's own thread. PGlite runs PostgreSQL compiled to WebAssembly on the thread
// that calls it, and a statement runs to its end without yielding: on the server's thread a long
// import froze every request. Here it runs beside the server, which talks to it by messages
// (packages/db/src/embedded/). PGlite has one session, so the thread hands it to one client at a
// time: a client takes a lease for a transaction, runs its statements and gives it back; others
// wait their turn in order. A statement outside a transaction takes no lease: it waits in the same
// line and holds the session only while it runs here, never across the client's turns, so a busy
// server thread (validating a file between its statements) does not slow every other request. Statements run one at a time and this thread
// cannot answer anything in the middle of one, so liveness is the thread's state, known to its
// owner (src/embedded/embedded-thread.ts).
//
// Plain JavaScript on purpose: a worker thread is started from a file Node can run as it is, from
// the TypeScript sources under test and from dist/ alike.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** @typedef {{ id: number, op: string, lease?: number, sql?: string, parameters?: unknown[] }} Request */

if (!parentPort || !workerData?.port) throw new Error('pglite-host.mjs runs as a worker thread');

const INT8 = 20;
const pglite = new PGlite(workerData?.dataDir ?? undefined, {
  // count(*) and bigint columns as numbers, as the PostgreSQL driver is set up in connect.ts.
  parsers: { [INT8]: (/** @type {string} */ value) => Number(value) },
});

/** The lease holding the session, and the clients waiting for it (first come, first served). */
let holder = 0;
let nextLease = 1;
/** @type {Array<() => void>} */
const waiting = [];
/** Leases by the port that took them, so a client that goes away gives its lease back. */
const leasesOf = new Map();

/** What a client can rebuild: message, SQLSTATE code and PostgreSQL's other error fields. */
function serialiseError(/** @type {unknown} */ error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = /** @type {Record<string, unknown>} */ ({
    message: error.message,
    name: error.name,
  });
  for (const [key, value] of Object.entries(error))
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
      fields[key] = value;
  return fields;
}

function grant(
  /** @type {import('node:worker_threads').MessagePort} */ port,
  /** @type {number} */ id,
) {
  const leases = leasesOf.get(port);
  // The client left while it waited: the session goes to the next one.
  if (!leases) return waiting.shift()?.();
  holder = nextLease++;
  leases.add(holder);
  port.postMessage({ id, lease: holder });
}

async function release(/** @type {number} */ lease, /** @type {boolean} */ abandoned) {
  if (lease !== holder) return;
  // A client that vanished mid-transaction must not leave it open for the next one.
  if (abandoned) await pglite.query('rollback').catch(() => undefined);
  holder = 0;
  waiting.shift()?.();
}

async function run(/** @type {Request} */ request) {
  const result = await pglite.query(request.sql ?? '', request.parameters ?? [], {
    rowMode: 'object',
  });
  return { rows: result.rows, affectedRows: result.affectedRows ?? null };
}

/**
 * A statement outside any transaction: it takes the session in turn, as a lease would, for its
 * own run only.
 * @param {import('node:worker_threads').MessagePort} port @param {Request} request
 */
function runAlone(port, request) {
  const statement = async () => {
    const lease = (holder = nextLease++);
    try {
      port.postMessage({ id: request.id, ...(await run(request)) });
    } catch (error) {
      port.postMessage({ id: request.id, error: serialiseError(error) });
    } finally {
      await release(lease, false);
    }
  };
  if (holder === 0) return statement();
  waiting.push(() => void statement());
}

/** @param {import('node:worker_threads').MessagePort} port @param {Request} request */
async function handle(port, request) {
  const { id, op } = request;
  try {
    switch (op) {
      case 'acquire':
        if (holder === 0) return grant(port, id);
        return waiting.push(() => grant(port, id));
      case 'release':
        leasesOf.get(port)?.delete(request.lease);
        await release(request.lease ?? 0, false);
        return port.postMessage({ id });
      case 'query':
        if (request.lease === undefined) return runAlone(port, request);
        if (request.lease !== holder)
          throw new Error('the database session is leased to another client');
        return port.postMessage({ id, ...(await run(request)) });
      case 'close':
        await pglite.close();
        return port.postMessage({ id });
      default:
        throw new Error(`unknown request ${op}`);
    }
  } catch (error) {
    port.postMessage({ id, error: serialiseError(error) });
  }
}

/** Serves requests arriving on `port` (the one the starting thread handed over). */
function listen(/** @type {import('node:worker_threads').MessagePort} */ port) {
  leasesOf.set(port, new Set());
  port.on('message', (/** @type {Request} */ request) => void handle(port, request));
  port.on('close', () => {
    const leases = leasesOf.get(port) ?? new Set();
    leasesOf.delete(port);
    for (const lease of leases) void release(lease, true);
  });
}

pglite.waitReady.then(
  () => {
    listen(workerData.port);
    parentPort?.postMessage({ ready: true });
  },
  (/** @type {unknown} */ error) =>
    parentPort?.postMessage({ ready: false, error: serialiseError(error) }),
);
