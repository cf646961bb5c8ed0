import type { Order } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { toIndiaDay } from '@oa/client-sync';
import { selectOrders, toItemCountLabel, toPaymentActions, toPaymentSummary, toStatusActions, type Customer } from './orders.logic';

const order = (id: string, fields: Partial<Order> = {}): Order =>
  ({
    id, _deleted: false, createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z', orderId: `OA-20260301-${id.toUpperCase()}`,
    userId: 'u1', user: 'u1', items: [{ productId: 'p1', product: 'p1', name: 'Laddu', price: 60, quantity: 2 }], products: [], subtotal: 120,
    shippingFee: 40, total: 160, status: 'pending', paymentMethod: 'cod', paymentStatus: 'pending', statusHistory: [],
    shippingAddress: { name: 'Sita Devi', phone: '9848022338', line1: '1 Temple Road', city: 'Annavaram', state: 'AP', pincode: '533406' },
    ...fields,
  }) as Order;

const customers = new Map<string, Customer>([
  ['u1', { id: 'u1', name: 'Sita Devi', email: 'sita@example.in' }],
  ['u2', { id: 'u2', name: 'Ravi Teja', email: 'ravi@example.in' }],
]);

describe('the admins’ orders', () => {
  const orders = [
    order('a1', { createdAt: '2026-03-01T18:40:00.000Z', status: 'pending' }),
    order('b2', { createdAt: '2026-03-02T05:00:00.000Z', status: 'shipped', userId: 'u2', shippingAddress: { name: 'Ravi', phone: '9000000001', line1: 'x', city: 'y', state: 'z', pincode: '533001' } }),
    order('c3', { createdAt: '2026-02-27T08:00:00.000Z', status: 'pending' }),
    order('gone', { _deleted: true }),
  ];
  const ids = (filter: Parameters<typeof selectOrders>[1]) => selectOrders(orders, filter, customers).map((o) => o.id);

  it.each([
    [{}, ['b2', 'a1', 'c3']],
    [{ status: 'pending' as const }, ['a1', 'c3']],
    [{ from: '2026-03-02' }, ['b2', 'a1']],
    [{ to: '2026-03-01' }, ['c3']],
    [{ search: 'oa-20260301-b2' }, ['b2']],
    [{ search: 'ravi' }, ['b2']],
    [{ search: 'sita@example' }, ['a1', 'c3']],
    [{ search: '9848022338', status: 'pending' as const, from: '2026-02-28' }, ['a1']],
  ])('filters %j to %j, newest first', (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it('reads days in India’s time', () => {
    expect(toIndiaDay('2026-03-01T18:40:00.000Z')).toBe('2026-03-02');
    expect(toIndiaDay('2026-03-01T18:29:59.000Z')).toBe('2026-03-01');
  });

  it.each([
    ['pending', ['Confirm', 'Cancel order']],
    ['confirmed', ['Mark packed', 'Cancel order']],
    ['packed', ['Mark shipped', 'Cancel order']],
    ['shipped', ['Mark delivered']],
    ['delivered', []],
    ['cancelled', []],
    ['rejected', []],
  ] as const)('offers the moves the state machine allows from %s', (status, labels) => {
    const actions = toStatusActions(status);
    expect(actions.map((action) => action.label)).toEqual(labels);
    expect(actions.filter((action) => action.danger).map((action) => action.to)).toEqual(labels.includes('Cancel order' as never) ? ['cancelled'] : []);
  });

  it.each([
    [[1], '1 item'],
    [[2], '2 items'],
    [[1, 1], '2 items'],
    [[3, 2], '5 items'],
    [[], '0 items'],
  ])('counts lines of quantities %j as “%s”', (quantities, label) => {
    const items = quantities.map((quantity, index) => ({ productId: `p${index}`, product: `p${index}`, name: 'Laddu', price: 60, quantity }));
    expect(toItemCountLabel({ items })).toBe(label);
  });

  it('describes the payment from its record when there is one', () => {
    const o = order('a1');
    expect(toPaymentSummary(o, [])).toBe('Cash on delivery · pending');
    expect(toPaymentSummary(o, [{ id: 'pay-a1', orderId: 'a1', method: 'cod', status: 'paid' }])).toBe('Cash on delivery · paid');
    expect(toPaymentSummary(o, [{ id: 'a1', orderId: 'a1', method: 'cod', status: 'paid', collectedAt: '2026-03-02T04:30:00.000Z' }])).toMatch(/^Cash on delivery · cash collected 2 Mar 2026/);
    expect(toPaymentSummary(o, [{ id: 'a1', orderId: 'a1', method: 'online', status: 'refunded', refundedAt: '2026-03-02T04:30:00.000Z' }])).toMatch(/^Online · refunded 2 Mar 2026/);
  });

  it('names the admin who recorded the cash or the refund, when that admin is synced', () => {
    const o = order('a1');
    const names = new Map([['admin-1', 'Ravi Kumar']]);
    const collected = { id: 'a1', orderId: 'a1', method: 'cod', status: 'paid', collectedAt: '2026-03-02T04:30:00.000Z' } as const;
    expect(toPaymentSummary(o, [{ ...collected, collectedBy: 'admin-1' }], names)).toMatch(/^Cash on delivery · cash collected 2 Mar 2026, .* by Ravi Kumar$/);
    expect(toPaymentSummary(o, [{ ...collected, collectedBy: 'admin-unknown' }], names)).not.toContain(' by ');
    const refunded = { id: 'a1', orderId: 'a1', method: 'online', status: 'refunded', refundedAt: '2026-03-02T04:30:00.000Z', refundedBy: 'admin-1' } as const;
    expect(toPaymentSummary(o, [refunded], names)).toMatch(/ by Ravi Kumar$/);
  });

  it.each([
    ['shipped', 'cod', 'pending', ['Cash collected']],
    ['delivered', 'cod', 'pending', ['Cash collected']],
    ['packed', 'cod', 'pending', []],
    ['delivered', 'cod', 'paid', []],
    ['cancelled', 'online', 'paid', ['Record refund']],
    ['cancelled', 'cod', 'void', []],
  ] as const)('offers a %s %s order whose payment is %s the buttons %j', (status, paymentMethod, paymentStatus, labels) => {
    const actions = toPaymentActions({ orderId: 'OA-7', status, paymentMethod, paymentStatus, total: 540 }, (rupees) => `₹${rupees}`);
    expect(actions.map((action) => action.label)).toEqual(labels);
    for (const action of actions) expect(action.confirm).toContain('₹540');
  });
});
