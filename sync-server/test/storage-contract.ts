/**
 * The storage contract, written once and run against every adapter (storage-contract.test.ts, in
 * each vitest project: SQLite, MongoDB replica set, MongoDB standalone) with no adapter branches: what replication relies on, from
 * compare-and-set writes to checkpoints that never skip a write and the change feed.
 */
import { collections, type CollectionName } from '@oa/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noise } from './images';
import { StorageError, type Change, type Storage, type StoredRow, type UnitWrite, type WriteRequest } from '../src/storage';

export interface OpenedStorage {
  readonly storage: Storage;
  /** A second, independent handle on the same database (another server process). */
  readonly openAnother: () => Promise<Storage>;
  readonly cleanup: () => Promise<void>;
}

export type OpenStorage = (options: { now: () => Date }) => Promise<OpenedStorage>;

const used: CollectionName[] = ['products', 'orders', 'users', 'reviews'];

function product(id: string, fields: Record<string, unknown> = {}): WriteRequest['doc'] {
  return { id, _deleted: false, name: `Product ${id}`, slug: `product-${id}`, isActive: true, price: 10, ...fields };
}

function create(doc: WriteRequest['doc']): WriteRequest {
  return { id: String(doc.id), expectedSeq: null, doc };
}

function written(results: Awaited<ReturnType<Storage['write']>>): StoredRow[] {
  return results.map((result) => {
    if (result.kind !== 'written') throw new Error(`expected a write, got ${JSON.stringify(result)}`);
    return result.row;
  });
}

/** Reads a collection to its end in pages, returning every row in order. */
async function readAll(storage: Storage, collection: CollectionName, after = 0, limit = 7): Promise<{ rows: StoredRow[]; checkpoint: number }> {
  const rows: StoredRow[] = [];
  let checkpoint = after;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = await storage.readChanges({ collection, after: checkpoint, limit });
    rows.push(...page.rows);
    expect(page.checkpoint).toBeGreaterThanOrEqual(checkpoint);
    if (page.checkpoint === checkpoint) break;
    checkpoint = page.checkpoint;
  }
  return { rows, checkpoint };
}

/**
 * Reads a collection forward in small pages, as a replica does, until `writing` settles, then to
 * its end: every id it saw. What a reader paging along concurrent writers ends up holding.
 */
async function pageAlong(storage: Storage, collection: CollectionName, writing: Promise<unknown>, limit: number): Promise<Set<string>> {
  const seen = new Set<string>();
  let checkpoint = 0;
  let done = false;
  void writing.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) {
    const page = await storage.readChanges({ collection, after: checkpoint, limit });
    for (const row of page.rows) seen.add(row.doc.id);
    checkpoint = page.checkpoint;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await writing;
  for (const row of (await readAll(storage, collection, checkpoint)).rows) seen.add(row.doc.id);
  return seen;
}

function waitFor<T>(predicate: () => T | undefined, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = (): void => {
      const value = predicate();
      if (value !== undefined) return resolve(value);
      if (Date.now() - started > ms) return reject(new Error('timed out waiting'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

export function describeStorageContract(adapterName: string, open: OpenStorage): void {
  describe(`storage contract: ${adapterName}`, () => {
    let opened: OpenedStorage;
    let storage: Storage;
    let clock = Date.parse('2026-01-01T00:00:00.000Z');
    const now = (): Date => new Date((clock += 1000));

    beforeEach(async () => {
      opened = await open({ now });
      storage = opened.storage;
      await storage.ensureCollections(used.map((name) => ({ name, indexes: collections[name].indexes })));
    });

    afterEach(async () => {
      await opened.cleanup();
    });

    describe('collections and indexes', () => {
      it('creates the declared indexes and the owner-and-sequence indexes, and can run again', async () => {
        await storage.ensureCollections(used.map((name) => ({ name, indexes: collections[name].indexes })));
        const productIndexes = await storage.listIndexes('products');
        for (const index of collections.products.indexes) expect(productIndexes).toContain(index.name);
        const orderIndexes = await storage.listIndexes('orders');
        for (const index of collections.orders.indexes) expect(orderIndexes).toContain(index.name);
        expect(orderIndexes).toContain('orders_sync_userId');
        const reviewIndexes = await storage.listIndexes('reviews');
        expect(reviewIndexes).toEqual(expect.arrayContaining(['reviews_product_user', 'reviews_productId_userId', 'reviews_isApproved', 'reviews_one_per_shopper']));
      });
    });

    it('refuses to build a unique index over live documents that share its values, saying how to settle them', async () => {
      // Stored before the index existed (an earlier version): start-up must stop, not run without it.
      const withoutUnique = collections.categories.indexes.filter((index) => !index.unique);
      await storage.ensureCollections([{ name: 'categories', indexes: withoutUnique }]);
      const category = (id: string): WriteRequest['doc'] => ({ id, _deleted: false, name: 'Sweets', slug: 'sweets', isActive: true });
      written(await storage.write('categories', [create(category('c1')), create(category('c2'))]));
      const refusal = storage.ensureCollections([{ name: 'categories', indexes: collections.categories.indexes }]);
      await expect(refusal).rejects.toBeInstanceOf(StorageError);
      await expect(refusal).rejects.toMatchObject({ code: 'DUPLICATE_KEY', message: expect.stringMatching(/categories\.categories_slug.*npm run migrate/) });
    });

    describe('conditional writes', () => {
      it('creates a document, assigning the sequence and updatedAt itself', async () => {
        const [row] = written(await storage.write('products', [create(product('p1', { updatedAt: '1999-01-01T00:00:00.000Z' }))]));
        expect(row!.seq).toBeGreaterThan(0);
        expect(row!.doc).toMatchObject({ id: 'p1', name: 'Product p1', _deleted: false });
        expect(row!.doc.updatedAt).not.toBe('1999-01-01T00:00:00.000Z');
        expect(Date.parse(row!.doc.updatedAt)).toBeGreaterThan(Date.parse('2026-01-01T00:00:00.000Z'));
        const [stored] = await storage.readByIds('products', ['p1']);
        expect(stored).toEqual(row);
      });

      it('refuses to create a document whose id exists, answering with the stored state', async () => {
        const [first] = written(await storage.write('products', [create(product('p1'))]));
        const [result] = await storage.write('products', [create(product('p1', { name: 'Other' }))]);
        expect(result).toEqual({ kind: 'conflict', current: first });
      });

      it('updates only when the stored sequence is still the one the writer saw', async () => {
        const [first] = written(await storage.write('products', [create(product('p1'))]));
        const [second] = written(
          await storage.write('products', [{ id: 'p1', expectedSeq: first!.seq, doc: product('p1', { price: 12 }) }]),
        );
        expect(second!.seq).toBeGreaterThan(first!.seq);
        expect(second!.doc.price).toBe(12);
        // A writer still holding the first state is stale now.
        const [stale] = await storage.write('products', [{ id: 'p1', expectedSeq: first!.seq, doc: product('p1', { price: 99 }) }]);
        expect(stale).toEqual({ kind: 'conflict', current: second });
        const [stored] = await storage.readByIds('products', ['p1']);
        expect(stored!.doc.price).toBe(12);
      });

      it('answers an update of a missing document as a conflict with no current state', async () => {
        const [result] = await storage.write('products', [{ id: 'ghost', expectedSeq: 3, doc: product('ghost') }]);
        expect(result).toEqual({ kind: 'conflict', current: null });
      });

      it('answers each row of a batch on its own, in order', async () => {
        written(await storage.write('products', [create(product('taken'))]));
        const results = await storage.write('products', [create(product('a')), create(product('taken')), create(product('b'))]);
        expect(results.map((r) => r.kind)).toEqual(['written', 'conflict', 'written']);
        const stored = await storage.readByIds('products', ['a', 'b']);
        expect(stored.map((row) => row.doc.id).sort()).toEqual(['a', 'b']);
      });

      it('refuses a value a unique index holds in another live document, and only that row', async () => {
        written(await storage.write('products', [create(product('p1', { slug: 'mango' }))]));
        const results = await storage.write('products', [create(product('p2', { slug: 'mango' })), create(product('p3', { slug: 'guava' }))]);
        expect(results[0]).toEqual({ kind: 'duplicate', index: 'products_slug', fields: ['slug'] });
        expect(results[1]!.kind).toBe('written');
        expect(await storage.readByIds('products', ['p2'])).toEqual([]);
      });

      it('refuses a value pair a unique index over two fields holds, and not either value alone', async () => {
        const review = (id: string, productId: string, userId: string): WriteRequest['doc'] => ({ id, _deleted: false, productId, userId, rating: 5 });
        written(await storage.write('reviews', [create(review('r1', 'p1', 'u1'))]));
        const results = await storage.write('reviews', [create(review('r2', 'p1', 'u1')), create(review('r3', 'p1', 'u2')), create(review('r4', 'p2', 'u1'))]);
        expect(results[0]).toEqual({ kind: 'duplicate', index: 'reviews_one_per_shopper', fields: ['productId', 'userId'] });
        expect(results.slice(1).map((result) => result.kind)).toEqual(['written', 'written']);
      });

      it('lets a soft-deleted document give up its unique value', async () => {
        const [first] = written(await storage.write('products', [create(product('p1', { slug: 'mango' }))]));
        written(await storage.write('products', [{ id: 'p1', expectedSeq: first!.seq, doc: product('p1', { slug: 'mango', _deleted: true }) }]));
        const [result] = await storage.write('products', [create(product('p2', { slug: 'mango' }))]);
        expect(result!.kind).toBe('written');
      });

      it('lets exactly one of many concurrent writers based on the same state win', async () => {
        const [first] = written(await storage.write('products', [create(product('hot', { stock: 5 }))]));
        const attempts = Array.from({ length: 20 }, (_, i) =>
          storage.write('products', [{ id: 'hot', expectedSeq: first!.seq, doc: product('hot', { stock: 4, by: i }) }]),
        );
        const results = (await Promise.all(attempts)).map(([result]) => result!);
        expect(results.filter((r) => r.kind === 'written')).toHaveLength(1);
        expect(results.filter((r) => r.kind === 'conflict')).toHaveLength(19);
      });

      it('refuses a request whose document id differs from the request id', async () => {
        await expect(storage.write('products', [{ id: 'a', expectedSeq: null, doc: product('b') }])).rejects.toMatchObject({
          code: 'INVALID_REQUEST',
        });
      });
    });

    describe('reading changes after a checkpoint', () => {
      it('pages through every document in sequence order, and stops where nothing is new', async () => {
        for (let i = 0; i < 25; i += 5) {
          written(await storage.write('products', Array.from({ length: 5 }, (_, j) => create(product(`p${i + j}`)))));
        }
        const { rows, checkpoint } = await readAll(storage, 'products');
        expect(rows.map((row) => row.doc.id)).toEqual(Array.from({ length: 25 }, (_, i) => `p${i}`));
        const seqs = rows.map((row) => row.seq);
        expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
        expect(checkpoint).toBe(await storage.latestCheckpoint('products'));
        const empty = await storage.readChanges({ collection: 'products', after: checkpoint, limit: 10 });
        expect(empty).toEqual({ rows: [], checkpoint });
      });

      it('delivers an updated document again after the reader’s checkpoint', async () => {
        const [a] = written(await storage.write('products', [create(product('a')), create(product('b'))]));
        const { checkpoint } = await readAll(storage, 'products');
        written(await storage.write('products', [{ id: 'a', expectedSeq: a!.seq, doc: product('a', { price: 20 }) }]));
        const next = await readAll(storage, 'products', checkpoint);
        expect(next.rows.map((row) => [row.doc.id, row.doc.price])).toEqual([['a', 20]]);
      });

      it('returns only the documents in the caller’s scope', async () => {
        const order = (id: string, userId: string) => create({ id, _deleted: false, orderId: `O-${id}`, userId, total: 5 });
        written(await storage.write('orders', [order('o1', 'alice'), order('o2', 'bob'), order('o3', 'alice')]));
        const page = await storage.readChanges({ collection: 'orders', after: 0, limit: 10, scope: { userId: 'alice' } });
        expect(page.rows.map((row) => row.doc.id)).toEqual(['o1', 'o3']);
        const none = await storage.readChanges({ collection: 'orders', after: 0, limit: 10, scope: { userId: 'carol' } });
        expect(none.rows).toEqual([]);
      });

      it('turns documents outside the visible filter into tombstones carrying only id and updatedAt', async () => {
        written(
          await storage.write('products', [
            create(product('on', { isActive: true })),
            create(product('off', { isActive: false, secretNote: 'hidden' })),
          ]),
        );
        const page = await storage.readChanges({ collection: 'products', after: 0, limit: 10, visible: { isActive: true } });
        expect(page.rows[0]!.doc).toMatchObject({ id: 'on', name: 'Product on' });
        const tombstone = page.rows[1]!.doc;
        expect(tombstone.id).toBe('off');
        expect(tombstone._deleted).toBe(true);
        expect(Object.keys(tombstone).sort()).toEqual(['_deleted', 'id', 'updatedAt']);
        expect(typeof tombstone.updatedAt).toBe('string');
      });

      it('skips hidden and deleted documents entirely on a first sync', async () => {
        const [gone] = written(await storage.write('products', [create(product('gone'))]));
        written(await storage.write('products', [{ id: 'gone', expectedSeq: gone!.seq, doc: product('gone', { _deleted: true }) }]));
        written(await storage.write('products', [create(product('on')), create(product('off', { isActive: false }))]));
        const page = await storage.readChanges({
          collection: 'products',
          after: 0,
          limit: 10,
          visible: { isActive: true },
          hidden: 'skip',
        });
        expect(page.rows.map((row) => row.doc.id)).toEqual(['on']);
        expect(page.checkpoint).toBe(await storage.latestCheckpoint('products'));
      });

      it('compares filter values by type: true is not 1 and "5" is not 5', async () => {
        written(
          await storage.write('products', [
            create(product('bool', { isActive: true, rank: 5 })),
            create(product('num', { isActive: 1, rank: '5' })),
          ]),
        );
        const active = await storage.readChanges({ collection: 'products', after: 0, limit: 10, visible: { isActive: true }, hidden: 'skip' });
        expect(active.rows.map((row) => row.doc.id)).toEqual(['bool']);
        const ranked = await storage.readChanges({ collection: 'products', after: 0, limit: 10, scope: { rank: 5 } });
        expect(ranked.rows.map((row) => row.doc.id)).toEqual(['bool']);
        const named = await storage.readChanges({ collection: 'products', after: 0, limit: 10, scope: { rank: '5' } });
        expect(named.rows.map((row) => row.doc.id)).toEqual(['num']);
      });

      it('leaves omitted fields out of every document it returns', async () => {
        written(await storage.write('users', [create({ id: 'u1', _deleted: false, email: 'a@example.com', passwordHash: 'scrypt$x' })]));
        const page = await storage.readChanges({ collection: 'users', after: 0, limit: 10, omit: ['passwordHash'] });
        expect(page.rows[0]!.doc).not.toHaveProperty('passwordHash');
        expect(page.rows[0]!.doc.email).toBe('a@example.com');
        const [byId] = await storage.readByIds('users', ['u1'], { omit: ['passwordHash'] });
        expect(byId!.doc).not.toHaveProperty('passwordHash');
        const [full] = await storage.readByIds('users', ['u1']);
        expect(full!.doc.passwordHash).toBe('scrypt$x');
      });

      it('answers a page as JSON text holding exactly the documents, tombstones and checkpoint of the same page read as objects', async () => {
        const [gone] = written(await storage.write('users', [create({ id: 'gone', _deleted: false, email: 'g@example.com', isActive: true, passwordHash: 'scrypt$g' })]));
        written(await storage.write('users', [{ id: 'gone', expectedSeq: gone!.seq, doc: { id: 'gone', _deleted: true, email: 'g@example.com', isActive: true, passwordHash: 'scrypt$g' } }]));
        written(
          await storage.write('users', [
            create({ id: 'u1', _deleted: false, email: 'a@example.com', isActive: true, name: 'Ānanda "A"', passwordHash: 'scrypt$x' }),
            create({ id: 'u2', _deleted: false, email: 'b@example.com', isActive: false, passwordHash: 'scrypt$y' }),
          ]),
        );
        const queries = [
          { collection: 'users', after: 0, limit: 10 },
          { collection: 'users', after: 0, limit: 2, omit: ['passwordHash'] },
          { collection: 'users', after: 0, limit: 10, visible: { isActive: true }, omit: ['passwordHash'] },
          { collection: 'users', after: 0, limit: 10, visible: { isActive: true }, hidden: 'skip', omit: ['passwordHash'] },
          { collection: 'users', after: 1, limit: 10, scope: { email: 'a@example.com' } },
        ] as const;
        for (const query of queries) {
          const [objects, text] = await Promise.all([storage.readChanges(query), storage.readChangesJson(query)]);
          expect(text.checkpoint).toBe(objects.checkpoint);
          expect(text.rows.map((row) => ({ seq: row.seq, doc: JSON.parse(row.json) }))).toEqual(objects.rows);
        }
      });

      it('never skips a write, however reads and concurrent writes interleave', async () => {
        const writers = Array.from({ length: 6 }, (_, w) =>
          (async () => {
            for (let i = 0; i < 10; i++) {
              const result = await storage.write('products', [create(product(`w${w}-${i}`))]);
              expect(result[0]!.kind).toBe('written');
            }
          })(),
        );
        const seen = await pageAlong(storage, 'products', Promise.all(writers), 4);
        expect(seen.size).toBe(60);
      });

      it('refuses a bad limit, a bad checkpoint or a field name that is not plain', async () => {
        await expect(storage.readChanges({ collection: 'products', after: 0, limit: 0 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
        await expect(storage.readChanges({ collection: 'products', after: -1, limit: 5 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
        await expect(
          storage.readChanges({ collection: 'products', after: 0, limit: 5, scope: { "a') OR 1=1 --": 'x' } }),
        ).rejects.toBeInstanceOf(StorageError);
        await expect(storage.findOne('products', { $where: 'x' })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
      });
    });

    describe('lookups', () => {
      it('reads by ids, deleted documents included and unknown ids left out', async () => {
        const [a] = written(await storage.write('products', [create(product('a')), create(product('b'))]));
        written(await storage.write('products', [{ id: 'a', expectedSeq: a!.seq, doc: product('a', { _deleted: true }) }]));
        const rows = await storage.readByIds('products', ['a', 'b', 'nope']);
        const byId = Object.fromEntries(rows.map((row) => [row.doc.id, row.doc._deleted]));
        expect(byId).toEqual({ a: true, b: false });
        expect(await storage.readByIds('products', [])).toEqual([]);
      });

      it('finds one live document by a field', async () => {
        const [old] = written(await storage.write('users', [create({ id: 'u-old', _deleted: false, email: 'same@example.com' })]));
        written(await storage.write('users', [{ id: 'u-old', expectedSeq: old!.seq, doc: { id: 'u-old', _deleted: true, email: 'same@example.com' } }]));
        written(await storage.write('users', [create({ id: 'u-new', _deleted: false, email: 'same@example.com' })]));
        const found = await storage.findOne('users', { email: 'same@example.com' });
        expect(found?.doc.id).toBe('u-new');
        expect(await storage.findOne('users', { email: 'nobody@example.com' })).toBeUndefined();
      });
    });

    describe('finding many', () => {
      it('returns the live documents matching a filter, oldest change first, up to the limit', async () => {
        const review = (id: string, productId: string, fields: Record<string, unknown> = {}) =>
          create({ id, _deleted: false, productId, userId: `u-${id}`, rating: 4, ...fields });
        written(await storage.write('reviews', [review('r1', 'p1'), review('r2', 'p2'), review('r3', 'p1'), review('r4', 'p1', { _deleted: true })]));
        const rows = await storage.findMany('reviews', { productId: 'p1' }, 10);
        expect(rows.map((row) => row.doc.id)).toEqual(['r1', 'r3']);
        expect((await storage.findMany('reviews', { productId: 'p1' }, 1)).map((row) => row.doc.id)).toEqual(['r1']);
        await expect(storage.findMany('reviews', { productId: 'p1' }, 0)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
      });
    });

    describe('change feed', () => {
      it('delivers committed changes in sequence order', async () => {
        const changes: Change[] = [];
        const unsubscribe = storage.changes.subscribe((change) => changes.push(change));
        written(await storage.write('products', [create(product('a')), create(product('b'))]));
        written(await storage.write('orders', [create({ id: 'o1', _deleted: false, orderId: 'O-1', userId: 'alice' })]));
        await waitFor(() => (changes.flatMap((c) => c.rows).length >= 3 ? true : undefined));
        unsubscribe();
        const products = changes.filter((c) => c.collection === 'products').flatMap((c) => c.rows.map((r) => r.doc.id));
        expect(products).toEqual(['a', 'b']);
        const orders = changes.filter((c) => c.collection === 'orders').flatMap((c) => c.rows.map((r) => r.doc.id));
        expect(orders).toEqual(['o1']);
        for (const change of changes) expect(change.checkpoint).toBeGreaterThanOrEqual(change.rows.at(-1)!.seq);
      });

      it('delivers writes made through another handle on the same database', async () => {
        const other = await opened.openAnother();
        try {
          await other.ensureCollections([{ name: 'products', indexes: collections.products.indexes }]);
          const seen: string[] = [];
          const unsubscribe = storage.changes.subscribe((change) => seen.push(...change.rows.map((r) => r.doc.id)));
          written(await other.write('products', [create(product('from-elsewhere'))]));
          await waitFor(() => (seen.includes('from-elsewhere') ? true : undefined));
          unsubscribe();
        } finally {
          await other.close();
        }
      });

      it('stops calling a listener once it unsubscribes, and keeps serving the others', async () => {
        const kept: string[] = [];
        const dropped: string[] = [];
        storage.changes.subscribe(() => {
          throw new Error('a broken listener');
        });
        const stop = storage.changes.subscribe((change) => dropped.push(...change.rows.map((r) => r.doc.id)));
        storage.changes.subscribe((change) => kept.push(...change.rows.map((r) => r.doc.id)));
        stop();
        written(await storage.write('products', [create(product('x'))]));
        await waitFor(() => (kept.includes('x') ? true : undefined));
        expect(dropped).toEqual([]);
      });
    });

    describe('units of work', () => {
      const unit = (collection: CollectionName, request: WriteRequest): UnitWrite => ({ collection, ...request });
      // With its order number, as every order has. (The MongoDB stand-in fails to undo an aborted
      // insert of a document that a partial unique index leaves out, such as an order without
      // `orderId`: a bug of the test double, which MongoDB does not have; see the session note.)
      const order = (id: string, fields: Record<string, unknown> = {}): WriteRequest['doc'] => ({ id, _deleted: false, orderId: `OA-${id}`, total: 10, ...fields });

      /**
       * A storage that cannot give all or nothing (a MongoDB standalone: no transactions) says so,
       * and applies a unit's writes one by one, undoing what it made when one cannot be made (a
       * creation is deleted): this checks that weaker promise there, and the tests below then hold
       * the others to all or nothing.
       */
      async function appliesOneByOne(): Promise<boolean> {
        if (storage.atomicUnits) return false;
        const [existing] = written(await storage.write('orders', [create(order('o-there'))]));
        const result = await storage.commit([unit('orders', create(order('o-first'))), unit('orders', create(order('o-there'))), unit('orders', create(order('o-last')))]);
        expect(result).toEqual({ kind: 'moved', collection: 'orders', id: 'o-there', current: existing });
        const left = await storage.readByIds('orders', ['o-first', 'o-last']);
        expect(left.map((row) => [row.doc.id, row.doc._deleted])).toEqual([['o-first', true]]);
        return true;
      }

      it('applies every write of a unit across collections, each with its new sequence', async () => {
        const [stock] = written(await storage.write('products', [create(product('p1', { stock: 5 }))]));
        if (await appliesOneByOne()) return;
        const result = await storage.commit([
          unit('orders', create(order('o1'))),
          unit('products', { id: 'p1', expectedSeq: stock!.seq, doc: { ...stock!.doc, stock: 4 } }),
        ]);
        expect(result.kind).toBe('committed');
        const rows = result.kind === 'committed' ? result.rows : [];
        expect(rows.map((entry) => [entry.collection, entry.row.doc.id])).toEqual([['orders', 'o1'], ['products', 'p1']]);
        expect(rows[1]!.row.seq).toBeGreaterThan(stock!.seq);
        expect((await storage.readByIds('products', ['p1']))[0]!.doc.stock).toBe(4);
        expect((await readAll(storage, 'orders')).rows.map((row) => row.doc.id)).toEqual(['o1']);
      });

      it('applies nothing when one document moved, and names it with its state now', async () => {
        const [stock] = written(await storage.write('products', [create(product('p1', { stock: 5 }))]));
        const [moved] = written(await storage.write('products', [{ id: 'p1', expectedSeq: stock!.seq, doc: { ...stock!.doc, stock: 3 } }]));
        if (await appliesOneByOne()) return;
        const result = await storage.commit([
          unit('orders', create(order('o1'))),
          unit('products', { id: 'p1', expectedSeq: stock!.seq, doc: { ...stock!.doc, stock: 4 } }),
        ]);
        expect(result).toEqual({ kind: 'moved', collection: 'products', id: 'p1', current: moved });
        expect(await storage.readByIds('orders', ['o1'])).toEqual([]);
        expect((await storage.readByIds('products', ['p1']))[0]).toEqual(moved);
      });

      it('applies nothing when a document it creates exists already', async () => {
        const [existing] = written(await storage.write('orders', [create(order('o1'))]));
        if (await appliesOneByOne()) return;
        const result = await storage.commit([unit('products', create(product('p9'))), unit('orders', create(order('o1', { total: 99 })))]);
        expect(result).toEqual({ kind: 'moved', collection: 'orders', id: 'o1', current: existing });
        expect(await storage.readByIds('products', ['p9'])).toEqual([]);
      });

      it('applies nothing when a unique index refuses one of its values', async () => {
        written(await storage.write('products', [create(product('p1', { slug: 'taken' }))]));
        if (await appliesOneByOne()) return;
        const result = await storage.commit([unit('orders', create(order('o1'))), unit('products', create(product('p2', { slug: 'taken' })))]);
        expect(result).toEqual({ kind: 'duplicate', collection: 'products', id: 'p2', index: 'products_slug', fields: ['slug'] });
        expect(await storage.readByIds('orders', ['o1'])).toEqual([]);
      });

      it('never lets a reader see part of a unit, and brings every unit to the change feed', async () => {
        if (await appliesOneByOne()) return;
        const seen = new Set<string>();
        const unsubscribe = storage.changes.subscribe((change) => change.rows.forEach((row) => seen.add(`${change.collection}/${row.doc.id}`)));
        const ids = Array.from({ length: 12 }, (_, i) => `u${i}`);
        let halves = 0;
        let committing = true;
        const reader = (async () => {
          while (committing) {
            for (const id of ids) {
              // The order first, then its user: once the order is there, the unit has committed,
              // so its user must be there too (two reads are two moments; this order of reading
              // is the one a half-committed unit would fail).
              const orders = await storage.readByIds('orders', [id]);
              const users = await storage.readByIds('users', [id]);
              if (orders.length > users.length) halves++;
            }
          }
        })();
        const results = await Promise.all(
          ids.map((id) => storage.commit([unit('orders', create(order(id))), unit('users', create({ id, _deleted: false, email: `${id}@example.com` }))])),
        );
        committing = false;
        await reader;
        expect(results.every((result) => result.kind === 'committed')).toBe(true);
        expect(halves).toBe(0);
        await waitFor(() => (ids.every((id) => seen.has(`orders/${id}`) && seen.has(`users/${id}`)) ? true : undefined));
        unsubscribe();
        const checkpoints = await readAll(storage, 'orders');
        expect(checkpoints.rows.map((row) => row.doc.id).sort()).toEqual([...ids].sort());
      });

      it('never lets a reader paging forward skip a unit\'s writes, with units and plain writes racing', async () => {
        if (await appliesOneByOne()) return;
        const writers = Array.from({ length: 4 }, (_, w) =>
          (async () => {
            for (let i = 0; i < 8; i++) {
              // Units of two products and plain single writes, interleaved, from four writers.
              if (i % 2 === 0) {
                const result = await storage.commit([unit('products', create(product(`u${w}-${i}-a`))), unit('products', create(product(`u${w}-${i}-b`)))]);
                expect(result.kind).toBe('committed');
              } else {
                expect((await storage.write('products', [create(product(`u${w}-${i}-a`))]))[0]!.kind).toBe('written');
              }
            }
          })(),
        );
        const seen = await pageAlong(storage, 'products', Promise.all(writers), 3);
        expect(seen.size).toBe(4 * (4 * 2 + 4));
      });

      it('answers units committed at once each alone: one refused leaves the others whole, and of two taking one document one moves', async () => {
        const [stock] = written(await storage.write('products', [create(product('p1', { stock: 5 }))]));
        written(await storage.write('orders', [create(order('o-held'))]));
        if (await appliesOneByOne()) return;
        const take = (id: string, left: number): UnitWrite[] => [unit('orders', create(order(id))), unit('products', { id: 'p1', expectedSeq: stock!.seq, doc: { ...stock!.doc, stock: left } })];
        // Submitted in one turn, as concurrent requests' units are (SQLite commits them as one group).
        const results = await Promise.all([
          storage.commit([unit('orders', create(order('a1'))), unit('users', create({ id: 'a1', _deleted: false, email: 'a1@example.com' }))]),
          storage.commit([unit('orders', create(order('b1'))), unit('orders', create(order('o-held')))]),
          storage.commit(take('c1', 4)),
          storage.commit(take('d1', 3)),
        ]);
        expect(results[0]!.kind).toBe('committed');
        expect(results[1]).toMatchObject({ kind: 'moved', collection: 'orders', id: 'o-held' });
        const raced = [results[2]!, results[3]!];
        expect(raced.map((result) => result.kind).sort()).toEqual(['committed', 'moved']);
        const winner = raced[0]!.kind === 'committed' ? { id: 'c1', stock: 4 } : { id: 'd1', stock: 3 };
        expect(raced.find((result) => result.kind === 'moved')).toMatchObject({ collection: 'products', id: 'p1' });
        expect((await storage.readByIds('orders', ['a1', 'b1', 'c1', 'd1'])).map((row) => row.doc.id).sort()).toEqual(['a1', winner.id]);
        expect((await storage.readByIds('users', ['a1'])).map((row) => row.doc.id)).toEqual(['a1']);
        expect((await storage.readByIds('products', ['p1']))[0]!.doc.stock).toBe(winner.stock);
      });

      it('refuses a unit naming one document twice, before writing anything', async () => {
        await expect(storage.commit([unit('orders', create(order('o1'))), unit('orders', create(order('o1')))])).rejects.toMatchObject({
          code: 'INVALID_REQUEST',
        });
        expect(await storage.readByIds('orders', ['o1'])).toEqual([]);
      });
    });

    describe('attempt counters', () => {
      it('counts attempts per key across handles on one database, and says when an exceeded key may try again', async () => {
        const options = { name: 'contract', limit: 2, windowSeconds: 60 };
        const here = await storage.createAttemptCounter(options);
        const another = await opened.openAnother();
        const there = await another.createAttemptCounter(options);
        expect(await here.take('198.51.100.1')).toEqual({ allowed: true, retryAfterSeconds: 0 });
        expect(await there.take('198.51.100.1')).toEqual({ allowed: true, retryAfterSeconds: 0 });
        const over = await here.take('198.51.100.1');
        expect(over.allowed).toBe(false);
        expect(over.retryAfterSeconds).toBeGreaterThan(0);
        expect(over.retryAfterSeconds).toBeLessThanOrEqual(60);
        // Another key, or another counter's name, has a count of its own.
        expect((await there.take('198.51.100.2')).allowed).toBe(true);
        expect((await (await storage.createAttemptCounter({ ...options, name: 'other' })).take('198.51.100.1')).allowed).toBe(true);
      });

      it('refuses a counter with a bad name or limit', async () => {
        await expect(storage.createAttemptCounter({ name: 'bad name;', limit: 1, windowSeconds: 1 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
        await expect(storage.createAttemptCounter({ name: 'ok', limit: 0, windowSeconds: 1 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
      });
    });

    describe('files', () => {
      const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);

      it('keeps every byte value exactly, with its content type, size and time of storing', async () => {
        expect(await storage.putFile({ name: 'every-byte.bin', contentType: 'image/webp', bytes: everyByte })).toBe('stored');
        const file = await storage.readFile('every-byte.bin');
        expect(file).toMatchObject({ name: 'every-byte.bin', contentType: 'image/webp', size: 256 });
        expect(Buffer.from(file!.bytes).equals(Buffer.from(everyByte))).toBe(true);
        expect(new Date(file!.createdAt).toISOString()).toBe(file!.createdAt);
      });

      it('keeps a 2 MiB file exactly, across the pieces an adapter may split it into', async () => {
        const bytes = noise(2 * 1024 * 1024, 7);
        expect(await storage.putFile({ name: 'large.bin', contentType: 'image/png', bytes })).toBe('stored');
        const file = await storage.readFile('large.bin');
        expect(file!.size).toBe(bytes.length);
        expect(Buffer.from(file!.bytes).equals(bytes)).toBe(true);
      });

      it('answers a second store of a name as existing, keeping the first type and bytes', async () => {
        expect(await storage.putFile({ name: 'once.bin', contentType: 'image/webp', bytes: everyByte })).toBe('stored');
        const first = await storage.readFile('once.bin');
        expect(await storage.putFile({ name: 'once.bin', contentType: 'image/png', bytes: noise(100, 1) })).toBe('exists');
        expect(await storage.readFile('once.bin')).toEqual(first);
      });

      it('lets concurrent stores of one name all succeed, at least one storing it, leaving one readable file', async () => {
        const bytes = noise(300 * 1024, 3);
        const results = await Promise.all(Array.from({ length: 5 }, () => storage.putFile({ name: 'raced.bin', contentType: 'image/jpeg', bytes })));
        expect(results).toContain('stored');
        for (const result of results) expect(['stored', 'exists']).toContain(result);
        expect(Buffer.from((await storage.readFile('raced.bin'))!.bytes).equals(bytes)).toBe(true);
        expect(await storage.putFile({ name: 'raced.bin', contentType: 'image/jpeg', bytes })).toBe('exists');
      });

      it('stores an empty file', async () => {
        expect(await storage.putFile({ name: 'empty.bin', contentType: 'image/png', bytes: new Uint8Array() })).toBe('stored');
        expect(await storage.readFile('empty.bin')).toMatchObject({ size: 0, bytes: expect.objectContaining({ length: 0 }) });
      });

      it('reads an unknown name as nothing, whatever the name holds', async () => {
        expect(await storage.readFile('never-stored.bin')).toBeUndefined();
        expect(await storage.readFile('')).toBeUndefined();
        expect(await storage.readFile('{"$gt":""}')).toBeUndefined();
      });

      it('lets another handle on the database read a file this one stored, and see that it exists', async () => {
        const bytes = noise(1000, 5);
        expect(await storage.putFile({ name: 'shared.bin', contentType: 'image/webp', bytes })).toBe('stored');
        const another = await opened.openAnother();
        const file = await another.readFile('shared.bin');
        expect(file).toMatchObject({ name: 'shared.bin', contentType: 'image/webp', size: 1000 });
        expect(Buffer.from(file!.bytes).equals(bytes)).toBe(true);
        expect(await another.putFile({ name: 'shared.bin', contentType: 'image/webp', bytes })).toBe('exists');
      });

      it('refuses a file without a usable name or content type, storing nothing', async () => {
        for (const name of ['', 'has space.bin', 'x'.repeat(256), 'line\nbreak']) {
          await expect(storage.putFile({ name, contentType: 'image/webp', bytes: everyByte })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
        }
        await expect(storage.putFile({ name: 'typeless.bin', contentType: '', bytes: everyByte })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
        expect(await storage.readFile('typeless.bin')).toBeUndefined();
      });

      it('lists no files in an empty store', async () => {
        expect(await storage.listFiles('', 10)).toEqual([]);
        expect(await storage.listFiles('zzz', 1)).toEqual([]);
      });

      it('pages through many files in byte order of name, each name once, without bytes', async () => {
        // Digits, capitals, punctuation and small letters: every adapter must order them as bytes.
        const names = Array.from({ length: 23 }, (_, i) => `${['0', 'A', '_', 'a', '~'][i % 5]}${String(i).padStart(2, '0')}.bin`);
        await Promise.all(names.map((name, i) => storage.putFile({ name, contentType: 'image/webp', bytes: noise(i * 10, i) })));
        const listed: Array<{ name: string; contentType: string; size: number }> = [];
        let after = '';
        for (let pages = 0; pages < 100; pages++) {
          const page = await storage.listFiles(after, 5);
          listed.push(...page);
          if (page.length < 5) break;
          after = page.at(-1)!.name;
        }
        const sorted = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
        expect(listed.map((file) => file.name)).toEqual(sorted);
        expect(listed.find((file) => file.name === names[7])).toEqual({ name: names[7], contentType: 'image/webp', size: 70 });
        // Strictly after: a page starting at a listed name leaves that name out.
        expect((await storage.listFiles(sorted[3]!, 2)).map((file) => file.name)).toEqual(sorted.slice(4, 6));
      });

      it('lists a name stored by concurrent stores once, as it reads', async () => {
        const bytes = noise(200 * 1024, 9);
        await Promise.all(Array.from({ length: 5 }, () => storage.putFile({ name: 'b-raced.bin', contentType: 'image/jpeg', bytes })));
        await storage.putFile({ name: 'a-before.bin', contentType: 'image/png', bytes: everyByte });
        await storage.putFile({ name: 'c-after.bin', contentType: 'image/png', bytes: everyByte });
        expect(await storage.listFiles('', 2)).toEqual([
          { name: 'a-before.bin', contentType: 'image/png', size: 256 },
          { name: 'b-raced.bin', contentType: 'image/jpeg', size: bytes.length },
        ]);
        expect((await storage.listFiles('', 10)).map((file) => file.name)).toEqual(['a-before.bin', 'b-raced.bin', 'c-after.bin']);
        expect((await storage.listFiles('b-raced.bin', 10)).map((file) => file.name)).toEqual(['c-after.bin']);
      });

      it('matches `after` as a value and refuses an unbounded page', async () => {
        // '{' sorts between the two names: an `after` read as a query would list both or neither.
        await storage.putFile({ name: 'plain.bin', contentType: 'image/webp', bytes: everyByte });
        await storage.putFile({ name: '~tilde.bin', contentType: 'image/webp', bytes: everyByte });
        expect(await storage.listFiles('{"$gt":""}', 10)).toEqual([{ name: '~tilde.bin', contentType: 'image/webp', size: 256 }]);
        for (const limit of [0, -1, 1.5, 1001, Number.POSITIVE_INFINITY]) {
          await expect(storage.listFiles('', limit)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
        }
        await expect(storage.listFiles({ $gt: '' } as never, 10)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
      });
    });

    describe('when closed', () => {
      it('answers every call with UNAVAILABLE', async () => {
        await storage.close();
        await expect(storage.readChanges({ collection: 'products', after: 0, limit: 5 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
        await expect(storage.write('products', [create(product('late'))])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
        await expect(storage.putFile({ name: 'late.bin', contentType: 'image/webp', bytes: new Uint8Array([1]) })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
        await expect(storage.readFile('late.bin')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
        await expect(storage.listFiles('', 10)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      });
    });
  });
}
