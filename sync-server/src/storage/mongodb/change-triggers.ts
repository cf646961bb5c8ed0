/**
 * What tells the shared tailing feed (../feed/create-tailing-feed.ts) that another process may
 * have written: a MongoDB change stream over the followed collections and `_sync_sequences`, or,
 * on a standalone server (no change streams), a polling timer. Triggers only `poke`; the feed
 * reads on from its own checkpoint, so nothing here depends on resume tokens or on event order.
 */
import { MongoServerError, type Document } from 'mongodb';
import type { CollectionName } from '@oa/schema';
import { StorageError } from '../errors';
import { sequencesCollection } from './context';
import { toStorageError } from './to-storage-error';

/**
 * Server codes meaning "this deployment has no change streams": polling is the answer, not a
 * retry. 40573: a standalone mongod ("$changeStream is only supported on replica sets").
 * 8000 (AtlasError): Atlas's answer to a command its tier does not allow ("… is not allowed or
 * the syntax is incorrect"), which is what a Flex cluster, with no change streams, answers.
 * 115 (CommandNotSupported) and 40324 (unrecognized pipeline stage): servers that speak the
 * protocol without the stage. 13 (Unauthorized): a database user without the changeStream
 * action; polling needs only `find`, and the reason is reported once.
 */
export const noChangeStreamCodes: ReadonlySet<number> = new Set([40573, 8000, 115, 40324, 13]);

/**
 * The part of the driver's ChangeStream used here (a seam, so the logic is tested without a
 * server). Only documented API: `tryNext()` sends the aggregate that opens the stream on its first
 * call, then resolves with an event or null (an empty batch after maxAwaitTimeMS); its first
 * answer is how we know the stream exists. (The driver's cursor 'init' event is not emitted on a
 * ChangeStream: mongodb/node-mongodb-native#3642 was closed unmerged.)
 */
export interface WatchedStream {
  tryNext(): Promise<Document | null>;
  close(): Promise<void>;
}

export interface ChangeTriggersOptions {
  /** Opens a change stream over the database with this pipeline (Db.watch). */
  readonly watch: (pipeline: Document[]) => WatchedStream;
  readonly poke: (collection?: CollectionName) => void;
  /** Polling period on a standalone server. */
  readonly pollIntervalMs: number;
  /**
   * Poke everything this often even while the stream runs: a lease that runs out (a writer that
   * died between allocate and release) lets readers move on without any write, so without an event.
   */
  readonly backstopMs?: number;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly onError: (error: unknown) => void;
}

export interface ChangeTriggers {
  /** Adds collections; resolves once their changes are being watched (or polled). */
  follow(collections: readonly CollectionName[]): Promise<void>;
  close(): Promise<void>;
}

export function createChangeTriggers(options: ChangeTriggersOptions): ChangeTriggers {
  const backstopMs = options.backstopMs ?? 5_000;
  const initialBackoffMs = options.initialBackoffMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const followed = new Set<CollectionName>();
  let mode: 'idle' | 'stream' | 'polling' = 'idle';
  let stream: WatchedStream | undefined;
  // Every stream opened gets a number; a loop whose stream was replaced or closed on purpose
  // sees a newer number and ends quietly instead of reporting its stream's closing as a failure.
  let generation = 0;
  let backoffMs = initialBackoffMs;
  let reopenTimer: NodeJS.Timeout | undefined;
  let pollTimer: NodeJS.Timeout | undefined;
  let ready: Promise<void> = Promise.resolve();
  let closed = false;

  function pollEvery(ms: number): void {
    clearInterval(pollTimer);
    pollTimer = setInterval(() => options.poke(), ms);
    pollTimer.unref();
  }

  function pokeFor(event: Document): void {
    const namespace = (event.ns as { coll?: unknown } | undefined)?.coll;
    // A sequence document's _id is its collection's name; its updates (a release above all) are
    // what make a pending write readable.
    const named = namespace === sequencesCollection ? (event.documentKey as { _id?: unknown } | undefined)?._id : namespace;
    if (typeof named === 'string' && followed.has(named as CollectionName)) options.poke(named as CollectionName);
    else options.poke();
  }

  function pipeline(): Document[] {
    return [
      // Only releases can make anything new readable (sequence.ts): a document is written under a
      // lease that holds readers below it until the lease is released, and an allocation never
      // raises the watermark. So the stream carries only the sequence documents' releases (and any
      // insert, replace or delete of one), not the data collections' own events and not the
      // allocations: one event, and one read per process, per leased batch instead of three.
      // A lease that runs out is no event at all; the backstop poll covers it.
      {
        $match: {
          'ns.coll': sequencesCollection,
          'documentKey._id': { $in: [...followed] },
          $or: [{ operationType: { $ne: 'update' } }, { 'updateDescription.updatedFields.releasedAt': { $exists: true } }],
        },
      },
      // Only what pokeFor needs: no full documents travel (the feed reads them, filtered).
      { $project: { operationType: 1, ns: 1, documentKey: 1 } },
    ];
  }

  function open(): Promise<void> {
    const mine = ++generation;
    clearTimeout(reopenTimer);
    let current: WatchedStream;
    try {
      current = options.watch(pipeline());
    } catch (error) {
      failed(error, undefined);
      return Promise.resolve();
    }
    stream = current;
    let openedAt: number | undefined;
    return new Promise<void>((resolve) => {
      void (async () => {
        try {
          for (;;) {
            const event = await current.tryNext();
            if (mine !== generation) return;
            if (openedAt === undefined) {
              // The first answer: the server has opened the stream. Writes committed before it
              // have no event in it, so read once now. (The feed reads on from its own checkpoint,
              // so a write seen both ways is read once.)
              openedAt = Date.now();
              options.poke();
              resolve();
            }
            if (event) pokeFor(event);
          }
        } catch (error) {
          if (mine !== generation || closed) return;
          stream = undefined;
          await current.close().catch(() => undefined);
          if (mine !== generation || closed) return; // replaced while closing: the new stream stands
          failed(error, openedAt);
        } finally {
          resolve();
        }
      })();
    });
  }

  function failed(error: unknown, openedAt: number | undefined): void {
    if (error instanceof MongoServerError && noChangeStreamCodes.has(Number(error.code))) {
      // No change streams on this deployment (a standalone, Atlas Flex): poll, said once, not at
      // every tick.
      mode = 'polling';
      options.onError(
        new StorageError('UNAVAILABLE', `MongoDB change streams are not available here (a standalone server or a tier without them: code ${String(error.code)}); polling for other processes' writes every ${options.pollIntervalMs} ms`, {
          cause: error,
        }),
      );
      pollEvery(options.pollIntervalMs);
      options.poke();
      return;
    }
    options.onError(toStorageError(error));
    // Whatever was written while the stream was failing is read now; the feed needs no resume token.
    options.poke();
    if (openedAt !== undefined && Date.now() - openedAt > maxBackoffMs) backoffMs = initialBackoffMs; // it had been running fine
    const delay = backoffMs;
    backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
    reopenTimer = setTimeout(() => {
      if (!closed && mode === 'stream') ready = open();
    }, delay);
    reopenTimer.unref();
  }

  return {
    follow(collections) {
      const added = collections.filter((name) => !followed.has(name));
      for (const name of added) followed.add(name);
      if (closed || added.length === 0 || mode === 'polling') return ready;
      if (mode === 'idle') {
        mode = 'stream';
        pollEvery(backstopMs);
      }
      // The stream's filter lists the followed collections, so a new one means a new stream.
      const previous = stream;
      stream = undefined;
      ready = open();
      void previous?.close().catch(() => undefined);
      return ready;
    },
    async close() {
      closed = true;
      generation++;
      clearTimeout(reopenTimer);
      clearInterval(pollTimer);
      const current = stream;
      stream = undefined;
      await current?.close().catch(() => undefined);
    },
  };
}
