import { collections } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { describeIndexes, findIndexConflicts, toIndexConflictError } from './ensure-collections';
import { hasId, hasSeq, isSynced } from './is-synced';

describe('describeIndexes', () => {
  it('keys documents by id and by sequence, both unique over the documents that have them', () => {
    const described = describeIndexes('products', collections.products.indexes);
    expect(described.slice(0, 2)).toEqual([
      { key: { id: 1 }, name: 'products_id', unique: true, partialFilterExpression: { id: { $type: 'string' } } },
      { key: { _seq: 1 }, name: 'products_seq', unique: true, partialFilterExpression: { _seq: { $type: 'number' } } },
    ]);
  });

  it('filters the id and sequence indexes with exactly the terms every query carries', () => {
    // MongoDB uses a partial index only for a query containing its filter (is-synced.ts).
    const [byId, bySeq] = describeIndexes('orders', collections.orders.indexes);
    expect(byId!.partialFilterExpression).toBe(hasId);
    expect(bySeq!.partialFilterExpression).toBe(hasSeq);
    expect(isSynced).toEqual({ ...hasId, ...hasSeq });
  });

  it('keeps every declared index under its own name, unique ones partial over live documents', () => {
    const described = describeIndexes('products', collections.products.indexes);
    for (const spec of collections.products.indexes) expect(described.map((d) => d.name)).toContain(spec.name);
    expect(described.find((d) => d.name === 'products_slug')).toEqual({
      key: { slug: 1 },
      name: 'products_slug',
      unique: true,
      partialFilterExpression: { _deleted: false, slug: { $exists: true } },
    });
  });

  it('keeps descending directions', () => {
    const described = describeIndexes('orders', collections.orders.indexes);
    const descending = collections.orders.indexes.find((spec) => spec.fields.some(([, direction]) => direction === -1));
    expect(descending).toBeDefined();
    expect(described.find((d) => d.name === descending!.name)!.key).toEqual(Object.fromEntries(descending!.fields));
  });

  it('adds an (owner, sequence) index per owner field', () => {
    const described = describeIndexes('orders', collections.orders.indexes);
    expect(described.find((d) => d.name === 'orders_sync_userId')).toEqual({ key: { userId: 1, _seq: 1 }, name: 'orders_sync_userId' });
  });
});

describe('findIndexConflicts', () => {
  const wanted = describeIndexes('users', collections.users.indexes);
  // listIndexes' answers: what this version makes, and what an earlier one made.
  const asListed = wanted.map((index) => ({ v: 2, ...index }));
  const earlierId = { v: 2, key: { id: 1 }, name: 'users_id', unique: true };
  const earlierSeq = { v: 2, key: { _seq: 1 }, name: 'users_seq', unique: true };

  it('finds none where every index is as this version makes it, or not there yet', () => {
    expect(findIndexConflicts('users', asListed, wanted)).toEqual([]);
    expect(findIndexConflicts('users', [{ v: 2, key: { _id: 1 }, name: '_id_' }], wanted)).toEqual([]);
  });

  it('finds an earlier non-partial unique index under our name', () => {
    const listed = [earlierId, ...asListed.slice(1)];
    expect(findIndexConflicts('users', listed, wanted)).toEqual([{ collection: 'users', existing: earlierId, wanted: wanted[0] }]);
  });

  it('finds another key, another unique flag or another filter under our name, not another filter order', () => {
    const slug = { v: 2, ...describeIndexes('products', collections.products.indexes).find((index) => index.name === 'products_slug')! };
    const products = describeIndexes('products', collections.products.indexes);
    const filter = slug.partialFilterExpression as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(filter).reverse());
    expect(findIndexConflicts('products', [{ ...slug, partialFilterExpression: reordered }], products)).toEqual([]);
    expect(findIndexConflicts('products', [{ ...slug, key: { slug: -1 } }], products)).toHaveLength(1);
    expect(findIndexConflicts('products', [{ ...slug, unique: false }], products)).toHaveLength(1);
    expect(findIndexConflicts('products', [{ ...slug, partialFilterExpression: undefined }], products)).toHaveLength(1);
    const sync = { v: 2, key: { _seq: 1, userId: 1 }, name: 'orders_sync_userId' };
    expect(findIndexConflicts('orders', [sync], describeIndexes('orders', collections.orders.indexes))).toHaveLength(1);
  });

  it('refuses with every conflicting index named, how it differs, and the commands that fix it', () => {
    const conflicts = [
      ...findIndexConflicts('users', [earlierId, earlierSeq], wanted),
      ...findIndexConflicts('orders', [{ v: 2, key: { id: 1 }, name: 'orders_id', unique: true }], describeIndexes('orders', collections.orders.indexes)),
    ];
    const error = toIndexConflictError(conflicts);
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toContain('users.users_id is {"key":{"id":1},"unique":true}, needs {"key":{"id":1},"unique":true,"partialFilterExpression":{"id":{"$type":"string"}}}');
    expect(error.message).toContain('users.users_seq is');
    expect(error.message).toContain('db.getCollection("users").dropIndex("users_id"); db.getCollection("users").dropIndex("users_seq"); db.getCollection("orders").dropIndex("orders_id")');
    expect(error.message).toContain('Stop every sync server');
  });
});
