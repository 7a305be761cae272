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
 * Kysely over the embedded database's thread (packages/db/worker/pglite-host.mjs). Every
 * connection is a lease on PGlite's one session: a transaction holds it from `begin` to the end,
 * so no other request's statement can slip into it, and waits in line instead.
 */
export class PortDialect implements Dialect {
  constructor(private readonly client: () => Promise<PortClient>) {}

  createAdapter() {
    return new PGliteAdapter();
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

class PortDriver implements Driver {
  private client: PortClient | null = null;

  constructor(private readonly start: () => Promise<PortClient>) {}

  async init(): Promise<void> {
    this.client = await this.start();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const client = this.started();
    const { lease } = await client.request<{ id: number; lease: number }>({ op: 'acquire' });
    return new PortConnection(client, lease);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
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
    const { lease } = connection as PortConnection;
    await this.started().request({ op: 'release', lease });
  }

  async destroy(): Promise<void> {
    // The thread's owner (connect.ts) closes the database and stops the thread.
    this.client = null;
  }

  private started(): PortClient {
    if (!this.client) throw new Error('the embedded database connection is closed');
    return this.client;
  }
}

class PortConnection implements DatabaseConnection {
  constructor(
    private readonly client: PortClient,
    readonly lease: number,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { rows, affectedRows } = await this.client.request<{
      id: number;
      rows: R[];
      affectedRows: number | null;
    }>({ op: 'query', lease: this.lease, sql: query.sql, parameters: query.parameters });
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
