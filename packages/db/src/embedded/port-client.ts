import type { MessagePort } from 'node:worker_threads';

/** A database error rebuilt from the embedded thread's message: `code` is the SQLSTATE. */
export class EmbeddedDatabaseError extends Error {
  readonly code?: string;
  constructor(fields: Record<string, unknown>) {
    super(String(fields.message ?? 'database error'));
    Object.assign(this, fields);
    this.name = typeof fields.name === 'string' ? fields.name : 'DatabaseError';
  }
}

interface Reply {
  readonly id: number;
  readonly error?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/**
 * Requests and replies over a MessagePort to the embedded database's thread
 * (packages/db/worker/pglite-host.mjs). The port keeps the process alive only while a request
 * waits, so an idle connection never holds a CLI command open.
 */
export class PortClient {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (reply: Reply) => void; reject: (error: Error) => void }
  >();
  private closedError: Error | null = null;

  constructor(private readonly port: MessagePort) {
    port.on('message', (reply: Reply) => this.settle(reply));
    port.on('close', () => this.fail(new Error('the embedded database thread has stopped')));
    port.unref();
  }

  async request<T extends Reply>(
    message: Record<string, unknown>,
    transfer: MessagePort[] = [],
  ): Promise<T> {
    if (this.closedError) throw this.closedError;
    const id = this.nextId++;
    const reply = new Promise<Reply>((resolve, reject) =>
      this.pending.set(id, { resolve, reject }),
    );
    if (this.pending.size === 1) this.port.ref();
    this.port.postMessage({ ...message, id }, transfer);
    const answer = await reply;
    if (answer.error) throw new EmbeddedDatabaseError(answer.error);
    return answer as T;
  }

  /** Fails every waiting request (the thread stopped); later requests fail at once. */
  fail(error: Error): void {
    this.closedError ??= error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  close(): void {
    this.port.close();
  }

  private settle(reply: Reply): void {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.port.unref();
    waiter.resolve(reply);
  }
}
