/**
 * The change feed both adapters share. Adapter-specific triggers (a local commit, a MongoDB
 * change-stream event, a polling timer) only `poke` a collection; the feed then reads forward
 * from its own checkpoint with `readChanges`, so it emits in seq order, never skips a write that
 * was still committing (readChanges guarantees that) and needs no resume token: after any
 * failure it simply reads on from where it was. One read serves every subscriber.
 */
import type { CollectionName } from '@oa/schema';
import type { Change, ChangeFeed, ChangesPage, ReadChangesQuery } from '../port';

export interface TailSource {
  readChanges(query: ReadChangesQuery): Promise<ChangesPage>;
  latestCheckpoint(collection: CollectionName): Promise<number>;
  /**
   * Every collection's safe checkpoint in one read, where the database can answer that in one
   * round trip (MongoDB: one query on the sequence documents). With it, "anything may have
   * changed" (a poll, a backstop, an event naming no followed collection) costs one read instead
   * of one per collection, and only collections that moved are read further.
   */
  latestCheckpoints?(collections: readonly CollectionName[]): Promise<ReadonlyMap<CollectionName, number>>;
}

export interface TailingFeedOptions {
  readonly pageSize?: number;
  /** Poke every collection this often (for writes from other processes without a push trigger). */
  readonly pollIntervalMs?: number;
  /** After a failed read, try again this much later. */
  readonly retryMs?: number;
  readonly onError?: (error: unknown) => void;
}

export interface TailingFeed extends ChangeFeed {
  /** Starts following these collections from their current checkpoint (again for a known one: no-op). */
  track(collections: readonly CollectionName[]): Promise<void>;
  /** Something may have changed in this collection (or in any, without an argument). */
  poke(collection?: CollectionName): void;
  close(): void;
}

interface Cursor {
  position: number;
  running: boolean;
  again: boolean;
}

export function createTailingFeed(source: TailSource, options: TailingFeedOptions): TailingFeed {
  const pageSize = options.pageSize ?? 500;
  const retryMs = options.retryMs ?? 1000;
  const onError = options.onError ?? (() => undefined);
  const listeners = new Set<(change: Change) => void>();
  const cursors = new Map<CollectionName, Cursor>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const emit = (change: Change): void => {
    for (const listener of [...listeners]) {
      try {
        listener(change);
      } catch (error) {
        onError(error); // one failing subscriber must not starve the others
      }
    }
  };

  const later = (fn: () => void, ms: number): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    timers.add(timer);
  };

  async function drain(collection: CollectionName, cursor: Cursor): Promise<void> {
    // One reader per collection at a time: a poke during a read asks for one more pass.
    if (cursor.running) {
      cursor.again = true;
      return;
    }
    cursor.running = true;
    try {
      do {
        cursor.again = false;
        if (listeners.size === 0) {
          // Nobody follows: move to the present without reading a document (a push of 100
          // products would otherwise be read back and parsed for no one). A subscriber arriving
          // later starts from there; a stream begins with RESYNC, so its client pulls what came
          // before, and any write after it subscribed pokes a read that it receives.
          const latest = await source.latestCheckpoint(collection);
          if (closed) return;
          cursor.position = Math.max(cursor.position, latest);
          continue;
        }
        for (;;) {
          const page = await source.readChanges({ collection, after: cursor.position, limit: pageSize });
          if (closed) return;
          const moved = page.checkpoint > cursor.position;
          cursor.position = Math.max(cursor.position, page.checkpoint);
          if (page.rows.length > 0) emit({ collection, rows: page.rows, checkpoint: cursor.position });
          if (!moved || page.rows.length < pageSize) break;
        }
      } while (cursor.again && !closed);
    } catch (error) {
      onError(error);
      if (!closed) later(() => poke(collection), retryMs);
    } finally {
      cursor.running = false;
    }
  }

  // Pokes are coalesced per turn of the event loop: a burst of single-document writes costs
  // one read, not one read per write.
  const poked = new Set<CollectionName>();
  let pokedAll = false;
  let scheduled = false;
  let surveying = false;
  function flush(): void {
    scheduled = false;
    const names = [...poked];
    poked.clear();
    const all = pokedAll;
    pokedAll = false;
    for (const name of names) {
      const cursor = cursors.get(name);
      if (cursor) void drain(name, cursor);
    }
    if (all) void survey(new Set(names));
  }

  /** "Anything may have changed": one read of every checkpoint, then only what moved is read. */
  async function survey(alreadyPoked: ReadonlySet<CollectionName>): Promise<void> {
    const names = [...cursors.keys()].filter((name) => !alreadyPoked.has(name));
    if (names.length === 0) return;
    if (!source.latestCheckpoints) {
      for (const name of names) void drain(name, cursors.get(name)!);
      return;
    }
    if (surveying) {
      // One survey at a time; a poke meanwhile asks for another once this one is done.
      pokedAll = true;
      return;
    }
    surveying = true;
    try {
      const latest = await source.latestCheckpoints(names);
      if (closed) return;
      for (const name of names) {
        const cursor = cursors.get(name)!;
        if ((latest.get(name) ?? 0) > cursor.position) void drain(name, cursor);
      }
    } catch (error) {
      onError(error);
      if (!closed) later(() => poke(), retryMs);
    } finally {
      surveying = false;
      if (pokedAll && !scheduled && !closed) {
        scheduled = true;
        setImmediate(flush);
      }
    }
  }

  function poke(collection?: CollectionName): void {
    if (closed) return;
    if (collection) poked.add(collection);
    else pokedAll = true;
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  }

  if (options.pollIntervalMs && options.pollIntervalMs > 0) {
    const interval = setInterval(() => poke(), options.pollIntervalMs);
    interval.unref();
    timers.add(interval);
  }

  return {
    async track(collections) {
      for (const name of collections) {
        if (!cursors.has(name)) {
          cursors.set(name, { position: await source.latestCheckpoint(name), running: false, again: false });
        }
      }
    },
    poke,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      listeners.clear();
    },
  };
}
