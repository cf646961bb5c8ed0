import { collections } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { describeIndexes } from './ensure-collections';

describe('describeIndexes', () => {
  it('keys documents by id and by sequence, both unique', () => {
    const described = describeIndexes('products', collections.products.indexes);
    expect(described.slice(0, 2)).toEqual([
      { key: { id: 1 }, name: 'products_id', unique: true },
      { key: { _seq: 1 }, name: 'products_seq', unique: true },
    ]);
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
