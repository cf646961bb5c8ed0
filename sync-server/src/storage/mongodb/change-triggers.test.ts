import type { Document } from 'mongodb';
import { MongoNetworkError, MongoServerError } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import type { CollectionName } from '@oa/schema';
import { StorageError } from '../errors';
import { createChangeTriggers, type ChangeTriggers, type WatchedStream } from './change-triggers';

/**
 * A change stream driven by the test, with the driver's documented iterator API only: `start()` is
 * the server answering the opening aggregate with an empty batch (tryNext resolves null).
 */
class FakeStream implements WatchedStream {
  closed = false;
  private waiting: { resolve: (event: Document | null) => void; reject: (error: unknown) => void } | undefined;
  private queued: Array<{ event?: Document | null; error?: unknown }> = [];
  constructor(readonly pipeline: Document[]) {}
  start(): void {
    this.deliver({ event: null });
  }
  push(event: Document): void {
    this.deliver({ event });
  }
  fail(error: unknown): void {
    this.deliver({ error });
  }
  tryNext(): Promise<Document | null> {
    const item = this.queued.shift();
    if (item) return item.error ? Promise.reject(item.error) : Promise.resolve(item.event ?? null);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }
  async close(): Promise<void> {
    this.closed = true;
    this.fail(new Error('ChangeStream is closed'));
  }
  private deliver(item: { event?: Document | null; error?: unknown }): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (!waiting) this.queued.push(item);
    else if (item.error) waiting.reject(item.error);
    else waiting.resolve(item.event ?? null);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createChangeTriggers', () => {
  let streams: FakeStream[];
  let pokes: Array<CollectionName | 'all'>;
  let errors: unknown[];
  let triggers: ChangeTriggers;

  function create(options: { initialBackoffMs?: number; pollIntervalMs?: number } = {}): ChangeTriggers {
    streams = [];
    pokes = [];
    errors = [];
    triggers = createChangeTriggers({
      watch: (pipeline) => {
        const stream = new FakeStream(pipeline);
        streams.push(stream);
        return stream;
      },
      poke: (collection) => pokes.push(collection ?? 'all'),
      pollIntervalMs: options.pollIntervalMs ?? 10_000,
      initialBackoffMs: options.initialBackoffMs ?? 10_000,
      onError: (error) => errors.push(error),
    });
    return triggers;
  }

  afterEach(async () => {
    await triggers.close();
  });

  it('watches the followed collections and the sequences, and reads once when the stream starts', async () => {
    create();
    let followed = false;
    const ready = triggers.follow(['products', 'orders']).then(() => (followed = true));
    await settle();
    expect(followed).toBe(false);
    // Only the followed collections' sequence documents, and of their updates only releases.
    expect(streams[0]!.pipeline[0]).toEqual({
      $match: {
        'ns.coll': '_sync_sequences',
        'documentKey._id': { $in: ['products', 'orders'] },
        $or: [{ operationType: { $ne: 'update' } }, { 'updateDescription.updatedFields.releasedAt': { $exists: true } }],
      },
    });
    streams[0]!.start();
    await ready;
    expect(pokes).toEqual(['all']);
  });

  it('pokes the collection an event names; for a sequence document, the collection it counts', async () => {
    create();
    const ready = triggers.follow(['products', 'orders']);
    streams[0]!.start();
    await ready;
    pokes.length = 0;
    streams[0]!.push({ operationType: 'insert', ns: { db: 'shop', coll: 'products' }, documentKey: { _id: 'x' } });
    streams[0]!.push({ operationType: 'update', ns: { db: 'shop', coll: '_sync_sequences' }, documentKey: { _id: 'orders' } });
    streams[0]!.push({ operationType: 'update', ns: { db: 'shop', coll: '_sync_sequences' }, documentKey: { _id: 'somethingElse' } });
    await settle();
    expect(pokes).toEqual(['products', 'orders', 'all']);
  });

  it('opens a new stream when a collection is added, and none when nothing is new', async () => {
    create();
    const first = triggers.follow(['products']);
    streams[0]!.start();
    await first;
    const again = triggers.follow(['products']);
    await again;
    expect(streams).toHaveLength(1);
    const second = triggers.follow(['orders']);
    expect(streams).toHaveLength(2);
    expect(streams[0]!.closed).toBe(true);
    streams[1]!.start();
    await second;
    await settle();
    expect(errors).toEqual([]); // closing the replaced stream is not a failure
  });

  it('falls back to polling on a standalone server, saying so once', async () => {
    create({ pollIntervalMs: 5 });
    const ready = triggers.follow(['products']);
    streams[0]!.fail(new MongoServerError({ code: 40573, errmsg: 'The $changeStream stage is only supported on replica sets' }));
    await ready;
    // Polls keep coming; on a loaded machine timers run late, so wait for them rather than a fixed time.
    for (let waited = 0; pokes.length <= 3 && waited < 5000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(StorageError);
    expect(pokes.length).toBeGreaterThan(3);
    await triggers.follow(['orders']);
    expect(streams).toHaveLength(1); // polling covers every collection; no stream is tried again
  });

  it('after any other failure, reads at once and reopens the stream after a backoff', async () => {
    create({ initialBackoffMs: 5 });
    const ready = triggers.follow(['products']);
    streams[0]!.start();
    await ready;
    pokes.length = 0;
    streams[0]!.fail(new MongoNetworkError('connection reset'));
    await settle();
    expect(errors).toHaveLength(1);
    expect((errors[0] as StorageError).code).toBe('UNAVAILABLE');
    expect(pokes).toContain('all');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(streams).toHaveLength(2);
    expect(streams[1]!.pipeline).toEqual(streams[0]!.pipeline);
  });

  it('closes its stream and opens no more once closed', async () => {
    create({ initialBackoffMs: 5 });
    const ready = triggers.follow(['products']);
    streams[0]!.start();
    await ready;
    await triggers.close();
    expect(streams[0]!.closed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(streams).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
