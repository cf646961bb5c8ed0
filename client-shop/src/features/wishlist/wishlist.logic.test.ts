import { validateDocument } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { maxWishlistSize, toNewWishlist, toWishlistId, toWishlistProducts, withoutProduct, withProduct } from './wishlist.logic';

describe('the wishlist', () => {
  it('is one valid document per shopper, with an id every device agrees on', () => {
    const wishlist = toNewWishlist({ userId: 'u1', productIds: ['p1'], now: '2026-01-01T00:00:00.000Z' });
    expect(wishlist.id).toBe(toWishlistId('u1'));
    expect(validateDocument('wishlists', wishlist).ok).toBe(true);
    expect(toWishlistId('x'.repeat(64))).toHaveLength(64);
  });

  it.each([
    ['adds a product at the end', ['a'], 'b', ['a', 'b']],
    ['adds a product only once', ['a', 'b'], 'a', ['a', 'b']],
  ])('%s', (_title, before, productId, after) => {
    expect(withProduct(before, productId)).toEqual(after);
  });

  it('drops the oldest product beyond the cap', () => {
    const full = Array.from({ length: maxWishlistSize }, (_, i) => `p${i}`);
    const next = withProduct(full, 'new');
    expect(next).toHaveLength(maxWishlistSize);
    expect(next[0]).toBe('p1');
    expect(next.at(-1)).toBe('new');
  });

  it('removes a product', () => {
    expect(withoutProduct(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });

  it('lists the saved products still in the catalogue, newest first', () => {
    const products = [
      { id: 'a', name: 'A', price: 1, stock: 1, categoryId: 'c' },
      { id: 'c', name: 'C', price: 1, stock: 1, categoryId: 'c' },
    ];
    expect(toWishlistProducts(['a', 'gone', 'c'], products).map((p) => p.id)).toEqual(['c', 'a']);
  });
});
