import type { Order } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { toOrderView, toOrderViews, toStatusLabel } from './orders.logic';

const base = {
  id: 'o1', _deleted: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', userId: 'u1', user: 'u1',
  items: [{ productId: 'p1', product: 'p1', name: 'Laddu', price: 60, quantity: 2 }], products: [], subtotal: 120, shippingFee: 40, total: 160,
  paymentMethod: 'cod', paymentStatus: 'pending', statusHistory: [],
  shippingAddress: { name: 'Sita', phone: '9848022338', line1: '1 Temple Road', city: 'Annavaram', state: 'AP', pincode: '533406' },
} as const;
const order = (fields: Partial<Order>): Order => ({ ...base, orderId: 'pending-o1', status: 'pending', ...fields }) as Order;

describe('my orders', () => {
  it('shows an order the server has not answered as waiting to sync, without a number', () => {
    expect(toOrderView(order({}))).toMatchObject({ waitingToSync: true, number: undefined, status: 'Waiting to sync', itemCount: 2 });
  });

  it('shows the server’s number and status once its copy arrives', () => {
    expect(toOrderView(order({ orderId: 'OA-20260101-7K3F9Q', status: 'confirmed' }))).toMatchObject({ waitingToSync: false, number: 'OA-20260101-7K3F9Q', status: 'Confirmed' });
  });

  it('gives the reason of a rejected order', () => {
    expect(toOrderView(order({ orderId: 'OA-1', status: 'rejected', rejectionReason: 'Camphor is out of stock' }))).toMatchObject({ status: 'Not placed', rejectionReason: 'Camphor is out of stock', items: [{ productId: 'p1', name: 'Laddu', quantity: 2 }] });
  });

  it('lists the newest first and leaves out deleted ones', () => {
    const views = toOrderViews([order({ id: 'old' }), order({ id: 'new', createdAt: '2026-02-01T00:00:00.000Z' }), order({ id: 'gone', _deleted: true })]);
    expect(views.map((v) => v.id)).toEqual(['new', 'old']);
  });

  it.each([
    ['pending', 'Placed'],
    ['shipped', 'Shipped'],
    ['rejected', 'Not placed'],
    ['on-hold', 'on-hold'],
  ])('reads status %s as %s', (status, label) => {
    expect(toStatusLabel(status)).toBe(label);
  });

  it('carries the shop’s note on the latest status', () => {
    expect(toOrderView(order({ orderId: 'OA-1', status: 'packed', statusNote: 'Ships tomorrow' })).note).toBe('Ships tomorrow');
  });
});
