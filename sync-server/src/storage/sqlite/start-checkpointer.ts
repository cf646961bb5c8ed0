/**
 * Checkpoints the WAL from a worker thread with its own connection, so copying committed pages
 * back into the database file, and the fsync that ends it, leave the event loop. Left to SQLite,
 * the connection that commits runs them every 1,000 pages, inside that request: about half the
 * cost of placing an order, and the longest pauses. PASSIVE: it never waits for or blocks a
 * writer or a reader. The committing connection keeps SQLite's own checkpoint as a backstop,
 * at a higher mark (open-sqlite-storage.ts), for when this one falls behind or stops.
 * Not for ':memory:' databases, which have no WAL.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface Checkpointer {
  stop(): Promise<void>;
}

// CommonJS run as a worker's source, so it needs no loader and no file of its own in a build.
const source = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // Another process checkpointing at this moment answers BUSY: the next tick tries again.
    if (!(error && error.code === 'SQLITE_BUSY')) parentPort.postMessage(String(error && error.message || error));
  }
}, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export function startCheckpointer(path: string, intervalMs: number, onError: (error: unknown) => void): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(source, { eval: true, workerData: { driver, path, intervalMs } });
  // A server stopping does not wait for the checkpointer; the next start, or SQLite, finishes it.
  worker.unref();
  worker.on('message', (message: unknown) => onError(new Error(`WAL checkpoint: ${String(message)}`)));
  worker.on('error', onError);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
