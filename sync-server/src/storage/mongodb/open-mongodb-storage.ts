/**
 * The production adapter: the shared MongoDB database (online_annavaram unless the URL names
 * another), through the official driver. Several server processes may share it; checkpoints stay
 * safe through leased sequences (sequence.ts). Every method translates driver errors once, here.
 */
import { MongoClient, type MongoClientOptions } from 'mongodb';
import { createTailingFeed } from '../feed/create-tailing-feed';
import { StorageError } from '../errors';
import type { Storage, StorageOptions } from '../port';
import { createChangeTriggers } from './change-triggers';
import { defaultTimeouts, withDefaultTimeouts } from './client-options';
import { commit } from './commit';
import { createAttemptCounter } from './create-attempt-counter';
import { createMongoContext } from './context';
import { databaseNameFromUrl } from './database-name-from-url';
import { ensureCollections, listIndexes } from './ensure-collections';
import { findMany, findOne } from './find-one';
import { listFiles } from './list-files';
import { putFile } from './put-file';
import { readByIds } from './read-by-ids';
import { readFile } from './read-file';
import { latestCheckpoint, latestCheckpoints, readChanges, readChangesJson } from './read-changes';
import { toStorageError } from './to-storage-error';
import { write } from './write';

export interface MongoStorageOptions extends StorageOptions {
  /** mongodb:// or mongodb+srv:// */
  readonly url: string;
  /** Overrides the database named in the URL's path (default online_annavaram). */
  readonly databaseName?: string;
  /** On a standalone server (no change streams): how often to look for other processes' writes (ms). */
  readonly pollIntervalMs?: number;
  /** How long a writer's sequence lease holds readers back at most (ms; see sequence.ts). */
  readonly leaseMs?: number;
  readonly onFeedError?: (error: unknown) => void;
  /** Passed to MongoClient (TLS, pool size, timeouts…); `ignoreUndefined` is always on. */
  readonly clientOptions?: MongoClientOptions;
  /** Tests only: a failure injected into every unit-of-work attempt (commit.ts). */
  readonly injectUnitFault?: (attempt: number) => void;
}

export async function openMongoStorage(options: MongoStorageOptions): Promise<Storage> {
  const databaseName = options.databaseName ?? databaseNameFromUrl(options.url);
  const leaseMs = options.leaseMs ?? 30_000;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  if (!Number.isSafeInteger(leaseMs) || leaseMs < 1) throw new StorageError('INVALID_REQUEST', `bad leaseMs ${leaseMs}`);
  const onError = options.onFeedError ?? (() => undefined);

  const clientOptions = withDefaultTimeouts(options.url, options.clientOptions);
  let client: MongoClient;
  try {
    // ignoreUndefined: a field set to undefined is left out, as JSON (and the SQLite adapter) does,
    // instead of being stored as null.
    client = new MongoClient(options.url, { appName: 'oa-sync-server', ...clientOptions, ignoreUndefined: true });
  } catch (cause) {
    // The constructor only parses the URL and options (some parse failures surface as
    // MongoRuntimeError), so whatever it throws is a configuration mistake.
    throw new StorageError('INVALID_REQUEST', `MongoDB URL or client options refused: ${(cause as Error).message}`, { cause });
  }
  try {
    await client.connect();
  } catch (error) {
    await client.close().catch(() => undefined);
    throw toStorageError(error);
  }
  // Majority always (context.ts says why); how long a majority may take comes from the URL's
  // wtimeoutMS when it has one.
  const wtimeoutMS = client.options.writeConcern?.wtimeoutMS ?? defaultTimeouts.wtimeoutMS;
  // Transactions (units of work) need a replica set or a sharded cluster; `hello` says which.
  let transactions: boolean;
  try {
    const hello = await client.db('admin').command({ hello: 1 });
    transactions = typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
  } catch (error) {
    await client.close().catch(() => undefined);
    throw toStorageError(error);
  }
  const ctx = createMongoContext(client, databaseName, { now: options.now ?? (() => new Date()), leaseMs, wtimeoutMS });

  let closed = false;
  const run = async <T>(fn: () => Promise<T>): Promise<T> => {
    // The driver would reconnect a closed client on the next operation; a closed storage stays closed.
    if (closed) throw new StorageError('UNAVAILABLE', 'the MongoDB storage is closed');
    try {
      return await fn();
    } catch (error) {
      throw toStorageError(error);
    }
  };

  const feed = createTailingFeed(
    {
      readChanges: (query) => run(() => readChanges(ctx, query)),
      latestCheckpoint: (collection) => run(() => latestCheckpoint(ctx, collection)),
      latestCheckpoints: (collections) => run(() => latestCheckpoints(ctx, collections)),
    },
    { onError },
  );
  const triggers = createChangeTriggers({
    // The server holds each getMore this long when nothing happens (one idle round trip a second
    // per process); events arrive at once regardless.
    watch: (pipeline) => ctx.db.watch(pipeline, { maxAwaitTimeMS: 1000 }),
    poke: (collection) => feed.poke(collection),
    pollIntervalMs,
    onError,
  });

  return {
    kind: 'mongodb',
    async ensureCollections(specs) {
      await run(() => ensureCollections(ctx, specs));
      const names = specs.map((spec) => spec.name);
      // Positions first, then the stream: its first read (on start) continues from them.
      await feed.track(names);
      await triggers.follow(names);
    },
    listIndexes: (collection) => run(() => listIndexes(ctx, collection)),
    readChanges: (query) => run(() => readChanges(ctx, query)),
    readChangesJson: (query) => run(() => readChangesJson(ctx, query)),
    latestCheckpoint: (collection) => run(() => latestCheckpoint(ctx, collection)),
    readByIds: (collection, ids, readOptions) => run(() => readByIds(ctx, collection, ids, readOptions?.omit)),
    findOne: (collection, filter) => run(() => findOne(ctx, collection, filter)),
    findMany: (collection, filter, limit) => run(() => findMany(ctx, collection, filter, limit)),
    async write(collection, requests) {
      const results = await run(() => write(ctx, collection, requests));
      // Released: let this process's feed read it now rather than at the stream's event.
      if (results.some((result) => result.kind === 'written')) feed.poke(collection);
      return results;
    },
    atomicUnits: transactions,
    async commit(writes) {
      const result = await run(() => commit(ctx, writes, { transactions, injectUnitFault: options.injectUnitFault }));
      if (result.kind === 'committed') for (const collection of new Set(writes.map((write) => write.collection))) feed.poke(collection);
      return result;
    },
    changes: feed,
    createAttemptCounter: (counter) => run(() => createAttemptCounter(ctx, counter)),
    putFile: (file) => run(() => putFile(ctx, file)),
    readFile: (name) => run(() => readFile(ctx, name)),
    listFiles: (after, limit) => run(() => listFiles(ctx, after, limit)),
    async close() {
      if (closed) return;
      closed = true;
      feed.close();
      await triggers.close();
      await client.close().catch(() => undefined);
    },
  };
}
