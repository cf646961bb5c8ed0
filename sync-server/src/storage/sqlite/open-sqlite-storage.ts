/**
 * The embedded default: one SQLite file (WAL mode) holding every collection. Zero set-up; what
 * `npm start` and the tests use. Every method translates driver errors once, here.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createTailingFeed } from '../feed/create-tailing-feed';
import { StorageError } from '../errors';
import type { Storage, StorageOptions, UnitWrite } from '../port';
import { checkSqliteUnit, commitUnits } from './commit';
import { createCommitQueue } from './create-commit-queue';
import { createAttemptCounter } from './create-attempt-counter';
import { createSqliteContext } from './context';
import { ensureCollections, ensureFilesTable, ensureSequencesTable, listIndexes } from './ensure-collections';
import { findMany, findOne } from './find-one';
import { listFiles } from './list-files';
import { putFile } from './put-file';
import { readByIds } from './read-by-ids';
import { readFile } from './read-file';
import { latestCheckpoint, readChanges, readChangesJson } from './read-changes';
import { startCheckpointer } from './start-checkpointer';
import { toStorageError } from './to-storage-error';
import { write } from './write';

export interface SqliteStorageOptions extends StorageOptions {
  /** A file path, or ':memory:' for a throwaway database. */
  readonly path: string;
  /** How often to look for writes made by other processes on the same file (ms; 0 = never). */
  readonly pollIntervalMs?: number;
  readonly onFeedError?: (error: unknown) => void;
  /**
   * How often a worker thread checkpoints the WAL (ms; start-checkpointer.ts). 0: SQLite's own
   * automatic checkpoint, run by the committing connection inside the request (the default for
   * short-lived handles: tests, commands).
   */
  readonly checkpointIntervalMs?: number;
}

/**
 * The most writes one group commit holds (beyond a single unit, which always goes whole): a
 * write is about 50 µs here, so a group stays near 25 ms of the event loop.
 */
const maxGroupWrites = 500;

/** With the checkpointer running, SQLite's own checkpoint only as a backstop: 64 MB of WAL. */
const backstopCheckpointPages = 16_384;

export async function openSqliteStorage(options: SqliteStorageOptions): Promise<Storage> {
  const db = guardSync(() => {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    const opened = new Database(options.path);
    opened.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a crash of the process loses nothing committed; a power cut may lose
    // the last transactions but never corrupts the file.
    opened.pragma('synchronous = NORMAL');
    // Several processes may share the file: wait for the write lock rather than fail at once.
    opened.pragma('busy_timeout = 5000');
    return opened;
  });
  const checkpointIntervalMs = options.path === ':memory:' ? 0 : (options.checkpointIntervalMs ?? 0);
  const checkpointer =
    checkpointIntervalMs > 0 ? startCheckpointer(options.path, checkpointIntervalMs, options.onFeedError ?? (() => undefined)) : undefined;
  if (checkpointer) guardSync(() => db.pragma(`wal_autocheckpoint = ${backstopCheckpointPages}`));
  const ctx = createSqliteContext(db, options.now ?? (() => new Date()));
  guardSync(() => {
    ensureSequencesTable(ctx);
    ensureFilesTable(ctx);
  });

  const run = <T>(fn: () => T): Promise<T> => {
    if (!db.open) return Promise.reject(new StorageError('UNAVAILABLE', 'the SQLite storage is closed'));
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(toStorageError(error));
    }
  };

  const feed = createTailingFeed(
    {
      readChanges: (query) => run(() => readChanges(ctx, query)),
      latestCheckpoint: (collection) => run(() => latestCheckpoint(ctx, collection)),
    },
    { pollIntervalMs: options.pollIntervalMs ?? 1000, ...(options.onFeedError ? { onError: options.onFeedError } : {}) },
  );

  // Group commit (commit.ts): the units of one turn of the event loop share one transaction.
  const units = createCommitQueue(
    (group: Array<readonly UnitWrite[]>) => {
      if (!db.open) throw new StorageError('UNAVAILABLE', 'the SQLite storage is closed');
      try {
        return commitUnits(ctx, group).map((outcome) => (outcome.ok ? outcome : { ok: false as const, error: toStorageError(outcome.error) }));
      } catch (error) {
        throw toStorageError(error);
      }
    },
    { sizeOf: (writes) => writes.length, keysOf: (writes) => writes.map((w) => `${w.collection}/${w.id}`), maxGroupSize: maxGroupWrites },
  );

  return {
    kind: 'sqlite',
    async ensureCollections(specs) {
      await run(() => ensureCollections(ctx, specs));
      await feed.track(specs.map((spec) => spec.name));
    },
    listIndexes: (collection) => run(() => listIndexes(ctx, collection)),
    readChanges: (query) => run(() => readChanges(ctx, query)),
    readChangesJson: (query) => run(() => readChangesJson(ctx, query)),
    latestCheckpoint: (collection) => run(() => latestCheckpoint(ctx, collection)),
    readByIds: (collection, ids, readOptions) =>
      run(() => {
        // A document a waiting unit writes is read as committed: the queue is flushed first.
        units.settle(ids.map((id) => `${collection}/${id}`));
        return readByIds(ctx, collection, ids, readOptions?.omit);
      }),
    findOne: (collection, filter) => run(() => findOne(ctx, collection, filter)),
    findMany: (collection, filter, limit) => run(() => findMany(ctx, collection, filter, limit)),
    async write(collection, requests) {
      const results = await run(() => write(ctx, collection, requests));
      // Committed: let the feed read it now rather than at the next poll.
      if (results.some((result) => result.kind === 'written')) feed.poke(collection);
      return results;
    },
    atomicUnits: true,
    async commit(writes) {
      // Checked and queued within this call, so a close() right after it still commits it.
      const result = await run(() => {
        checkSqliteUnit(ctx, writes);
        return units.submit(writes);
      });
      if (result.kind === 'committed') for (const collection of new Set(writes.map((write) => write.collection))) feed.poke(collection);
      return result;
    },
    changes: feed,
    createAttemptCounter: (counter) => run(() => undefined).then(() => createAttemptCounter(ctx, counter)),
    putFile: (file) => run(() => putFile(ctx, file)),
    readFile: (name) => run(() => readFile(ctx, name)),
    listFiles: (after, limit) => run(() => listFiles(ctx, after, limit)),
    async close() {
      // A unit already submitted is committed (or refused) now, never left waiting on a closed database.
      units.flushAll();
      feed.close();
      await checkpointer?.stop();
      if (db.open) db.close();
    },
  };
}

function guardSync<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw toStorageError(error);
  }
}
