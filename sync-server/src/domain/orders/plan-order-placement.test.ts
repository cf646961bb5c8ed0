import { defaultDeliveryRule, sampleDocument, type Address, type Product } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { planOrderPlacement, type OrderPlacement, type StoredProduct } from './plan-order-placement';

const now = '2026-11-24T10:00:00.000Z';
const product = (id: string, overrides: Partial<Product> = {}): Product =>
  sampleDocument('products', { id, slug: id, name: `Product ${id}`, price: 100, ...overrides }) as Product;
const address: Address = { name: 'Lakshmi Devi', phone: '+919876543210', line1: '12 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };

function plan(lines: Array<{ productId: string; quantity: number }>, products: StoredProduct[]): OrderPlacement {
  return planOrderPlacement({
    id: 'order-abc',
    caller: 'user-42',
    input: { items: lines, shippingAddress: address, paymentMethod: 'cod' },
    products,
    delivery: defaultDeliveryRule,
    now,
    orderNumber: 'OA-20261124-7K3F9Q',
  });
}

describe('planOrderPlacement', () => {
  const laddu: StoredProduct = { seq: 7, product: product('laddu', { stock: 5, totalStock: 5 }) };
  const kova: StoredProduct = { seq: 9, product: product('kova', { stock: 2, totalStock: 2 }) };

  it('places the order with each product\'s stock taken from the state it read, and a payment under the order\'s id', () => {
    const placement = plan([{ productId: 'laddu', quantity: 2 }, { productId: 'kova', quantity: 2 }, { productId: 'laddu', quantity: 1 }], [laddu, kova]);
    if (!placement.ok) throw new Error(placement.reason);
    expect(placement.order.status).toBe('pending');
    expect(placement.stock.map(({ productId, expectedSeq, product: p }) => [productId, expectedSeq, p.stock, p.totalStock])).toEqual([
      ['laddu', 7, 2, 2],
      ['kova', 9, 0, 0],
    ]);
    expect(placement.payment).toMatchObject({ id: 'order-abc', orderId: 'order-abc', amount: placement.order.total, status: 'pending' });
  });

  it.each([
    ['more than is left', [{ productId: 'kova', quantity: 3 }], [kova]],
    ['a product not in the catalogue', [{ productId: 'gone', quantity: 1 }], [laddu]],
    ['a legacy stock that is not a whole number of units (none left)', [{ productId: 'odd', quantity: 1 }], [{ seq: 3, product: product('odd', { stock: 2.5 as number, totalStock: 2.5 as number }) }]],
  ])('stores the order alone as rejected, taking nothing, for %s', (_case, lines, products) => {
    const placement = plan(lines, products);
    if (!placement.ok) throw new Error(placement.reason);
    expect(placement.order.status).toBe('rejected');
    expect(placement.order.rejectionReason).toEqual(expect.any(String));
    expect(placement.stock).toEqual([]);
    expect(placement.payment).toBeNull();
  });

  it('refuses a request that cannot be an order at all', () => {
    expect(plan([], [laddu])).toMatchObject({ ok: false, code: 'EMPTY_ORDER' });
  });
});
