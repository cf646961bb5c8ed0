import { sampleDocument, type Payment, type Product } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import type { OrderEffect } from './order-status';
import { planStatusEffects } from './plan-status-effects';

const now = '2026-11-25T10:00:00.000Z';
const product = (id: string, overrides: Partial<Product> = {}): Product =>
  sampleDocument('products', { id, slug: id, name: `Product ${id}`, ...overrides }) as Product;
const payment = (status: Payment['status']): Payment => sampleDocument('payments', { id: 'o1', orderId: 'o1', status }) as Payment;

const cancel: OrderEffect[] = [
  { kind: 'restoreStock', productId: 'laddu', quantity: 2 },
  { kind: 'restoreStock', productId: 'kova', quantity: 1 },
  { kind: 'restoreStock', productId: 'laddu', quantity: 1 },
  { kind: 'voidPayment' },
];

describe('planStatusEffects', () => {
  it('gives each product its units back, from the state it read, and voids a payment not yet paid', () => {
    const planned = planStatusEffects({
      effects: cancel,
      products: [{ seq: 4, product: product('laddu', { stock: 1, totalStock: 1 }) }, { seq: 6, product: product('kova', { stock: 0, totalStock: 0 }) }],
      payment: { seq: 8, payment: payment('pending') },
      now,
    });
    expect(planned.stock.map(({ productId, expectedSeq, product: p }) => [productId, expectedSeq, p.stock, p.totalStock])).toEqual([
      ['laddu', 4, 4, 4],
      ['kova', 6, 1, 1],
    ]);
    expect(planned.payment).toMatchObject({ expectedSeq: 8, payment: { status: 'void', updatedAt: now } });
  });

  it('returns nothing to a product deleted since, and leaves money already taken alone', () => {
    const planned = planStatusEffects({
      effects: cancel,
      products: [{ seq: 4, product: product('laddu', { _deleted: true }) }],
      payment: { seq: 8, payment: payment('paid') },
      now,
    });
    expect(planned).toEqual({ stock: [], payment: null });
  });

  it('writes nothing else for a move without effects', () => {
    expect(planStatusEffects({ effects: [], products: [], payment: { seq: 8, payment: payment('pending') }, now })).toEqual({ stock: [], payment: null });
  });
});
