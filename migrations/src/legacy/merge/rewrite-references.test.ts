import { describe, expect, it } from 'vitest';
import { productReferencesOf, rewriteReferences, type ReferringCollection } from './rewrite-references';

const idMap = new Map([['old-1', 'new-1'], ['old-2', 'new-1'], ['kept', 'kept']]);

describe('rewriteReferences', () => {
  it.each<[ReferringCollection, Record<string, unknown>, Record<string, unknown>, number]>([
    [
      'orders',
      { id: 'o', items: [{ productId: 'old-1', product: 'old-1', quantity: 1 }, { productId: 'other', product: 'other' }], products: [{ productId: 'old-2', product: 'old-2' }] },
      { id: 'o', items: [{ productId: 'new-1', product: 'new-1', quantity: 1 }, { productId: 'other', product: 'other' }], products: [{ productId: 'new-1', product: 'new-1' }] },
      4,
    ],
    ['reviews', { id: 'r', productId: 'old-2', product: 'old-2', userId: 'old-1' }, { id: 'r', productId: 'new-1', product: 'new-1', userId: 'old-1' }, 2],
    ['cart_items', { id: 'c', productId: 'old-1', cartId: 'old-2' }, { id: 'c', productId: 'new-1', cartId: 'old-2' }, 1],
    ['wishlists', { id: 'w', productIds: ['old-1', 'old-2', 'other'] }, { id: 'w', productIds: ['new-1', 'other'] }, 2],
    ['reviews', { id: 'r', productId: 'kept', product: 'kept' }, { id: 'r', productId: 'kept', product: 'kept' }, 0],
    ['orders', { id: 'o', items: 'not a list' }, { id: 'o', items: 'not a list' }, 0],
  ])('%s: %j', (collection, doc, expected, count) => {
    const result = rewriteReferences(collection, doc, idMap);
    expect(result.doc).toEqual(expected);
    expect(result.rewritten).toBe(count);
  });

  it('returns the very same object when nothing changed', () => {
    const doc = { id: 'c', productId: 'other' };
    expect(rewriteReferences('cart_items', doc, idMap).doc).toBe(doc);
  });
});

describe('productReferencesOf', () => {
  it.each<[ReferringCollection, Record<string, unknown>, string[]]>([
    ['orders', { items: [{ productId: 'a', product: 'a' }], products: [{ productId: 'b', product: 'b' }] }, ['a', 'b']],
    ['reviews', { productId: 'a', product: 'b' }, ['a', 'b']],
    ['cart_items', { productId: 'a' }, ['a']],
    ['wishlists', { productIds: ['a', 'b', 'a'] }, ['a', 'b']],
    ['wishlists', {}, []],
  ])('%s %j', (collection, doc, expected) => {
    expect(productReferencesOf(collection, doc)).toEqual(expected);
  });
});
