/**
 * The shared tailing feed against an in-memory change log: order, coalescing, and recovery
 * after a failed read (which the storage contract cannot provoke on a real database).
 */
import type { CollectionName } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import type { Change, ChangesPage, ReadChangesQuery, StoredRow } from '../port';
import { createTailingFeed } from './create-tailing-feed';

function createLog() {
  const rows: StoredRow[] = [];
  let failNext = 0;
  let reads = 0;
  return {
    append(id: string) {
      rows.push({ seq: rows.length + 1, doc: { id, _deleted: false, updatedAt: '2026-01-01T00:00:00.000Z' } });
    },
    failNextReads(count: number) {
      failNext = count;
    },
    get reads() {
      return reads;
    },
    source: {
      async readChanges(query: ReadChangesQuery): Promise<ChangesPage> {
        reads++;
        if (failNext > 0) {
          failNext--;
          throw new Error('database hiccup');
        }
        const page = rows.filter((row) => row.seq > query.after).slice(0, query.limit);
        return { rows: page, checkpoint: page.at(-1)?.seq ?? Math.max(query.after, rows.length) };
      },
      async latestCheckpoint(_collection: CollectionName): Promise<number> {
        return rows.length;
      },
    },
  };
}

const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createTailingFeed', () => {
  it('emits only changes after it started tracking, in order, across pages', async () => {
    const log = createLog();
    log.append('before');
    const feed = createTailingFeed(log.source, { pageSize: 2 });
    await feed.track(['products']);
    const seen: Change[] = [];
    feed.subscribe((change) => seen.push(change));
    for (const id of ['a', 'b', 'c', 'd', 'e']) log.append(id);
    feed.poke('products');
    await settle();
    expect(seen.flatMap((c) => c.rows.map((r) => r.doc.id))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(seen.at(-1)!.checkpoint).toBe(6);
    feed.close();
  });

  it('coalesces a burst of pokes into one read', async () => {
    const log = createLog();
    const feed = createTailingFeed(log.source, {});
    await feed.track(['products']);
    feed.subscribe(() => undefined);
    const before = log.reads;
    for (let i = 0; i < 50; i++) {
      log.append(`p${i}`);
      feed.poke('products');
    }
    await settle();
    expect(log.reads - before).toBe(1);
    feed.close();
  });

  it('reads on from where it was after a failed read', async () => {
    const log = createLog();
    const errors: unknown[] = [];
    const feed = createTailingFeed(log.source, { retryMs: 10, onError: (error) => errors.push(error) });
    await feed.track(['products']);
    const seen: string[] = [];
    feed.subscribe((change) => seen.push(...change.rows.map((r) => r.doc.id)));
    log.append('a');
    log.failNextReads(2);
    feed.poke('products');
    await settle(100);
    expect(errors).toHaveLength(2);
    expect(seen).toEqual(['a']);
    feed.close();
  });

  it('reads no document while nobody follows, and delivers every write made after a subscriber arrives', async () => {
    const log = createLog();
    const feed = createTailingFeed(log.source, {});
    await feed.track(['products']);
    for (const id of ['a', 'b', 'c']) log.append(id);
    feed.poke('products');
    await settle();
    expect(log.reads).toBe(0);
    const seen: Change[] = [];
    feed.subscribe((change) => seen.push(change));
    log.append('d');
    feed.poke('products');
    await settle();
    expect(seen.flatMap((c) => c.rows.map((r) => r.doc.id))).toEqual(['d']);
    expect(seen.at(-1)!.checkpoint).toBe(4);
    feed.close();
  });

  it('emits nothing once closed', async () => {
    const log = createLog();
    const feed = createTailingFeed(log.source, {});
    await feed.track(['products']);
    const seen: string[] = [];
    feed.subscribe((change) => seen.push(...change.rows.map((r) => r.doc.id)));
    feed.close();
    log.append('late');
    feed.poke('products');
    await settle();
    expect(seen).toEqual([]);
  });

  it('answers a poke of everything with one read of all checkpoints, then reads only what moved', async () => {
    const logs = { products: createLog(), orders: createLog() } as const;
    let surveys = 0;
    const seen: string[] = [];
    const feed = createTailingFeed(
      {
        readChanges: (query) => logs[query.collection as keyof typeof logs].source.readChanges(query),
        latestCheckpoint: (collection) => logs[collection as keyof typeof logs].source.latestCheckpoint(collection),
        async latestCheckpoints(collections) {
          surveys++;
          const latest = new Map<CollectionName, number>();
          for (const name of collections) latest.set(name, await logs[name as keyof typeof logs].source.latestCheckpoint(name));
          return latest;
        },
      },
      {},
    );
    await feed.track(['products', 'orders']);
    feed.subscribe((change) => seen.push(...change.rows.map((r) => `${change.collection}:${r.doc.id}`)));
    feed.poke();
    await settle();
    expect(surveys).toBe(1);
    expect(logs.products.reads + logs.orders.reads).toBe(0); // nothing moved: nothing read
    logs.orders.append('o1');
    feed.poke();
    feed.poke();
    await settle();
    expect(surveys).toBe(2);
    expect(logs.products.reads).toBe(0);
    expect(logs.orders.reads).toBe(1);
    expect(seen).toEqual(['orders:o1']);
    feed.close();
  });
});
