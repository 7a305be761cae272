import {
  CompiledQuery,
  PGliteAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { PortClient } from './port-client.js';

/**
 * Kysely over the embedded database's thread (packages/db/worker/pglite-host.mjs). A transaction
 * takes a lease on PGlite's one session from `begin` to the end, so no other request's statement
 * can slip into it, and waits in line instead. A statement outside a transaction is sent alone:
 * one message each way, the session held only while it runs on the database's thread.
 */
export class PortDialect implements Dialect {
  constructor(private readonly client: () => Promise<PortClient>) {}

  createAdapter() {
    return new PortAdapter();
  }

  createDriver(): Driver {
    return new PortDriver(this.client);
  }

  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

/**
 * PGlite's adapter, declaring several connections. With PGlite's own (one connection), Kysely
 * holds a mutex from each query's acquire to its release, across the server's turns, so a busy
 * event loop (validating a file) let one request's statement through per turn and signed-in
 * requests queued for seconds. The database's thread already gives the session to one client at a
 * time; migrations run in one transaction, that is one lease, in the one process that holds the
 * data folder (embedded-lock.ts), so they need no lock either, as PGliteAdapter says.
 */
class PortAdapter extends PGliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

class PortDriver implements Driver {
  private client: PortClient | null = null;
  /** Connections given back, reused: Kysely keeps every connection it has seen until destroy. */
  private readonly idle: PortConnection[] = [];

  constructor(private readonly start: () => Promise<PortClient>) {}

  async init(): Promise<void> {
    this.client = await this.start();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(this.idle.pop() ?? new PortConnection(this.started()));
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const port = connection as PortConnection;
    const { lease } = await port.client.request<{ id: number; lease: number }>({ op: 'acquire' });
    port.lease = lease;
    let statement = 'begin';
    if (settings.isolationLevel || settings.accessMode) {
      statement = 'start transaction';
      if (settings.isolationLevel) statement += ` isolation level ${settings.isolationLevel}`;
      if (settings.accessMode) statement += ` ${settings.accessMode}`;
    }
    await connection.executeQuery(CompiledQuery.raw(statement));
  }

  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const port = connection as PortConnection;
    const lease = port.lease;
    port.lease = null;
    if (port.client === this.client) this.idle.push(port);
    if (lease !== null) await port.client.request({ op: 'release', lease });
  }

  async destroy(): Promise<void> {
    // The thread's owner (connect.ts) closes the database and stops the thread.
    this.client = null;
    this.idle.length = 0;
  }

  private started(): PortClient {
    if (!this.client) throw new Error('the embedded database connection is closed');
    return this.client;
  }
}

class PortConnection implements DatabaseConnection {
  /** The session's lease while a transaction is open on this connection. */
  lease: number | null = null;

  constructor(readonly client: PortClient) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { rows, affectedRows } = await this.client.request<{
      id: number;
      rows: R[];
      affectedRows: number | null;
    }>({
      op: 'query',
      ...(this.lease !== null ? { lease: this.lease } : {}),
      sql: query.sql,
      parameters: query.parameters,
    });
    return {
      rows,
      ...(affectedRows !== null ? { numAffectedRows: BigInt(affectedRows) } : {}),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the embedded database');
  }
}
