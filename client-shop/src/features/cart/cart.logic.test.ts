import { validateDocument } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { clampQuantity, toCartId, toCartLines, toCartTotal, toNewCartLine } from './cart.logic';

const now = '2026-01-01T00:00:00.000Z';
const products = [
  { id: 'p1', name: 'Laddu', price: 60, stock: 10, categoryId: 'c1' },
  { id: 'p2', name: 'Camphor', price: 24.5, stock: 0, categoryId: 'c1' },
];

describe('the cart', () => {
  it('makes a new line that is a valid cart_items document in the shopper’s cart', () => {
    const line = toNewCartLine({ id: 'line-1', userId: 'u1', productId: 'p1', now });
    expect(line).toEqual({ id: 'line-1', _deleted: false, createdAt: now, updatedAt: now, cartId: 'cart-u1', userId: 'u1', productId: 'p1', quantity: 1 });
    expect(validateDocument('cart_items', line).ok).toBe(true);
  });

  it('names the same cart for the same shopper, within the id length limit', () => {
    expect(toCartId('u1')).toBe(toCartId('u1'));
    expect(toCartId('x'.repeat(64))).toHaveLength(64);
  });

  it.each([[0, 1], [3, 3], [120, 99], [2.6, 3]])('keeps quantity %s within 1–99 as %s', (given, kept) => {
    expect(clampQuantity(given)).toBe(kept);
  });

  it('prices lines from the local catalogue and totals them, skipping unknown products', () => {
    const lines = toCartLines(
      [
        { id: 'a', productId: 'p1', quantity: 2 },
        { id: 'b', productId: 'p2', quantity: 3 },
        { id: 'c', productId: 'gone', quantity: 1 },
      ],
      products,
    );
    expect(lines.map((l) => [l.name, l.lineTotal])).toEqual([['Camphor', 73.5], ['Laddu', 120]]);
    expect(toCartTotal(lines)).toBe(193.5);
  });
});
