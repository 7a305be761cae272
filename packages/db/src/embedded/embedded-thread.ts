import { MessageChannel, Worker } from 'node:worker_threads';
import { PortClient } from './port-client.js';

/** PGlite running on its own thread (see packages/db/worker/pglite-host.mjs for why). */
export interface EmbeddedThread {
  readonly client: PortClient;
  /**
   * True while the thread runs with its database open. Known without asking the thread, which
   * cannot answer in the middle of a statement: a liveness check must not wait for an import's.
   */
  isAlive(): boolean;
  /** Closes the database (a clean shutdown of the data folder) and stops the thread. */
  close(): Promise<void>;
}

// The same relative path from src/embedded (tests) and dist/embedded (the build).
const HOST = new URL('../../worker/pglite-host.mjs', import.meta.url);

/** Starts the thread on `dataDir` (null: in memory) and resolves once the database is ready. */
export async function startEmbeddedThread(dataDir: string | null): Promise<EmbeddedThread> {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(HOST, { workerData: { dataDir, port: port2 }, transferList: [port2] });
  const client = new PortClient(port1);
  let running = true;
  const stopped = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('exit', () => (running = false));
  worker.once('error', (error) => client.fail(error));
  worker.once('exit', () => client.fail(new Error('the embedded database thread has stopped')));
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (message: { ready: boolean; error?: { message?: string } }) =>
      message.ready
        ? resolve()
        : reject(new Error(`the embedded database did not open: ${message.error?.message}`)),
    );
    worker.once('error', reject);
  });
  // Requests keep the process alive while they wait (PortClient); an idle thread does not.
  worker.unref();
  return {
    client,
    isAlive: () => running,
    async close() {
      running = false;
      await client.request({ op: 'close' }).catch(() => undefined);
      client.close();
      await worker.terminate();
      await stopped;
    },
  };
}
