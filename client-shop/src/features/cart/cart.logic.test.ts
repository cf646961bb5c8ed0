import { validateDocument } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { clampQuantity, planCartMerge, planGuestCartJoin, toCartId, toCartLines, toCartTotal, toDeliveryView, toNewCartLine } from './cart.logic';

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

  describe('delivery', () => {
    const rule = { fee: 40, freeFrom: 499 };

    it.each([
      ['₹1 of goods', 1, { fee: 40, total: 41, toFree: 498, note: '₹498 more for free delivery' }],
      ['one paisa below the threshold', 498.99, { fee: 40, total: 538.99, toFree: 0.01, note: '₹0.01 more for free delivery' }],
      ['goods with paise', 120.5, { fee: 40, total: 160.5, toFree: 378.5, note: '₹378.50 more for free delivery' }],
      ['exactly the threshold', 499, { fee: 0, total: 499, toFree: 0, note: 'Free delivery' }],
      ['above the threshold', 1250, { fee: 0, total: 1250, toFree: 0, note: 'Free delivery' }],
    ])('shows ₹40, free from ₹499, for %s', (_label, subtotal, view) => {
      expect(toDeliveryView(subtotal, rule)).toEqual(view);
    });

    it('follows the rule the server sent, not today’s numbers', () => {
      expect(toDeliveryView(600, { fee: 25, freeFrom: 1000 })).toEqual({ fee: 25, total: 625, toFree: 400, note: '₹400 more for free delivery' });
    });

    it('says delivery is free when the fee is ₹0, whatever the threshold', () => {
      expect(toDeliveryView(10, { fee: 0, freeFrom: 499 })).toMatchObject({ fee: 0, toFree: 0, note: 'Free delivery' });
    });
  });

  describe('joining a visitor’s cart to the account they sign in to', () => {
    const ids = () => {
      let n = 0;
      return () => `new-${++n}`;
    };

    it.each([
      ['adds a product the account did not have as a new line', [{ productId: 'p1', quantity: 2 }], [], [{ productId: 'p1', quantity: 2 }], []],
      ['adds the quantities of a product both carts have', [{ productId: 'p1', quantity: 2 }], [{ id: 'own-1', productId: 'p1', quantity: 3 }], [], [{ id: 'own-1', quantity: 5 }]],
      ['keeps a joined quantity within 99', [{ productId: 'p1', quantity: 60 }], [{ id: 'own-1', productId: 'p1', quantity: 60 }], [], [{ id: 'own-1', quantity: 99 }]],
      ['adds two guest lines of one product together', [{ productId: 'p2', quantity: 1 }, { productId: 'p2', quantity: 4 }], [], [{ productId: 'p2', quantity: 5 }], []],
      ['changes nothing for an empty guest cart', [], [{ id: 'own-1', productId: 'p1', quantity: 1 }], [], []],
    ])('%s', (_title, guest, own, inserted, updates) => {
      const plan = planGuestCartJoin({ guest, own, userId: 'u1', now, newId: ids() });
      expect(plan.inserts.map(({ productId, quantity }) => ({ productId, quantity }))).toEqual(inserted);
      expect(plan.updates).toEqual(updates);
      for (const line of plan.inserts) {
        expect(line.userId).toBe('u1');
        expect(validateDocument('cart_items', line).ok).toBe(true);
      }
    });
  });
});

describe('planCartMerge', () => {
  const line = (id: string, productId: string, quantity: number, createdAt = '2026-12-01T10:00:00.000Z') => ({ id, productId, quantity, createdAt });

  it('leaves a cart with one line per product alone', () => {
    expect(planCartMerge([line('a', 'p1', 2), line('b', 'p2', 1)])).toEqual({ updates: [], removals: [] });
  });

  it('adds the quantities of two lines of one product on the older line and removes the other', () => {
    const merged = planCartMerge([line('guest-line', 'p1', 2, '2026-12-02T09:00:00.000Z'), line('account-line', 'p1', 3, '2026-11-30T09:00:00.000Z')]);
    expect(merged).toEqual({ updates: [{ id: 'account-line', quantity: 5 }], removals: ['guest-line'] });
  });

  it('caps the sum by the quantity limit and by the stock when known, never below one', () => {
    expect(planCartMerge([line('a', 'p1', 60), line('b', 'p1', 60)]).updates).toEqual([{ id: 'a', quantity: 99 }]);
    expect(planCartMerge([line('a', 'p1', 3), line('b', 'p1', 4)], () => 5).updates).toEqual([{ id: 'a', quantity: 5 }]);
    expect(planCartMerge([line('a', 'p1', 3), line('b', 'p1', 4)], () => 0).updates).toEqual([{ id: 'a', quantity: 7 }]);
  });

  it('gives every device the same plan, whatever order it read the lines in (ties broken by id)', () => {
    const lines = [line('c', 'p1', 1), line('a', 'p1', 1), line('b', 'p1', 1)];
    for (const order of [lines, [...lines].reverse(), [lines[1]!, lines[2]!, lines[0]!]]) {
      expect(planCartMerge(order)).toEqual({ updates: [{ id: 'a', quantity: 3 }], removals: ['b', 'c'] });
    }
  });
});
