import type { Order } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { canCancelOrder, findOrderPageView, isCancelWaiting, toOrderAmounts, toOrderPageView, toPaymentWords, toTimeline } from './order-page.logic';

const placedAt = '2026-01-01T04:30:00.000Z';
const base = {
  id: 'o1', _deleted: false, createdAt: placedAt, updatedAt: placedAt, userId: 'u1', user: 'u1',
  items: [
    { productId: 'p1', product: 'p1', name: 'Laddu', price: 60, quantity: 2, imageUrl: '/images/laddu.webp' },
    { productId: 'p2', product: 'p2', name: 'Camphor', price: 12.5, quantity: 3 },
  ],
  products: [], subtotal: 157.5, shippingFee: 40, total: 197.5,
  paymentMethod: 'cod', paymentStatus: 'pending', statusHistory: [{ status: 'pending', at: placedAt, by: 'customer' }],
  shippingAddress: { name: 'Sita', phone: '9848022338', line1: '1 Temple Road', line2: 'Near the ghat', city: 'Annavaram', state: 'AP', pincode: '533406' },
} as const;
const order = (fields: Partial<Order> = {}): Order => ({ ...base, orderId: 'OA-20260101-7K3F9Q', status: 'pending', ...fields }) as Order;

describe('the payment in words', () => {
  it.each<[Order['paymentMethod'], Order['paymentStatus'], Order['status'], string]>([
    ['cod', 'pending', 'pending', 'Cash on delivery: pay when it arrives'],
    ['cod', 'pending', 'shipped', 'Cash on delivery: pay when it arrives'],
    ['cod', 'paid', 'delivered', 'Paid in cash'],
    ['online', 'pending', 'pending', 'Online payment: waiting for it to go through'],
    ['online', 'paid', 'confirmed', 'Paid online'],
    ['online', 'failed', 'pending', 'Online payment failed'],
    ['cod', 'failed', 'delivered', 'Cash payment not collected'],
    ['online', 'refunded', 'cancelled', 'Refunded'],
    ['cod', 'void', 'cancelled', 'No payment due (cancelled)'],
    ['cod', 'void', 'rejected', 'No payment due (not placed)'],
    // Cancelled on the device: the server voids the payment when it answers; nothing is owed meanwhile.
    ['cod', 'pending', 'cancelled', 'No payment due (cancelled)'],
    ['cod', 'pending', 'rejected', 'No payment due (not placed)'],
  ])('reads %s + %s on a %s order as "%s"', (paymentMethod, paymentStatus, status, words) => {
    expect(toPaymentWords({ paymentMethod, paymentStatus, status })).toBe(words);
  });

  it('shows a payment status from a newer server as it is', () => {
    expect(toPaymentWords({ paymentMethod: 'online', paymentStatus: 'disputed' as Order['paymentStatus'], status: 'pending' })).toBe('disputed');
  });
});

describe('the amounts', () => {
  it.each<[string, Partial<Order>, number | undefined]>([
    ['cash on delivery, not yet paid', {}, 197.5],
    ['cash on delivery, shipped and not yet paid', { status: 'shipped' }, 197.5],
    ['cash on delivery, paid', { paymentStatus: 'paid', status: 'delivered' }, undefined],
    ['cancelled, payment voided', { status: 'cancelled', paymentStatus: 'void' }, undefined],
    ['cancelled on the device, not yet answered', { status: 'cancelled' }, undefined],
    ['paid online', { paymentMethod: 'online', paymentStatus: 'paid' }, undefined],
    ['online, not yet paid', { paymentMethod: 'online' }, undefined],
  ])('asks for the total on delivery only when it is owed in cash (%s)', (_case, fields, toPay) => {
    expect(toOrderAmounts(order(fields))).toEqual({ subtotal: 157.5, delivery: 40, total: 197.5, toPayOnDelivery: toPay });
  });

  it('gives each line its amount, and free delivery as a zero fee', () => {
    const view = toOrderPageView(order({ subtotal: 600, shippingFee: 0, total: 600 }));
    expect(view.lines.map((line) => [line.name, line.quantity, line.price, line.amount])).toEqual([
      ['Laddu', 2, 60, 120],
      ['Camphor', 3, 12.5, 37.5],
    ]);
    expect(view.amounts.delivery).toBe(0);
  });
});

describe('cancelling', () => {
  it.each<[string, Partial<Order>, boolean]>([
    ['pending and answered by the server', {}, true],
    ['still waiting to sync', { orderId: 'pending-o1' }, false],
    ['confirmed', { status: 'confirmed' }, false],
    ['shipped', { status: 'shipped' }, false],
    ['already cancelled', { status: 'cancelled' }, false],
    ['rejected', { status: 'rejected' }, false],
  ])('is offered on an order %s: %s', (_case, fields, offered) => {
    expect(canCancelOrder(order(fields))).toBe(offered);
    expect(toOrderPageView(order(fields)).canCancel).toBe(offered);
  });

  it.each<[string, Partial<Order>, boolean]>([
    ['cancelled on the device only', { status: 'cancelled' }, true],
    ['cancelled by the server', { status: 'cancelled', statusHistory: [...base.statusHistory, { status: 'cancelled', at: placedAt, by: 'customer' }] }, false],
    ['cancelled in the old shop (no history)', { status: 'cancelled', statusHistory: [] }, false],
    ['pending', {}, false],
  ])('waits for the server’s answer on an order %s: %s', (_case, fields, waiting) => {
    expect(isCancelWaiting(order(fields))).toBe(waiting);
  });

  it('reads as cancelling until the server answers', () => {
    expect(toOrderPageView(order({ status: 'cancelled' }))).toMatchObject({ status: 'Cancelling', cancelWaiting: true, canCancel: false });
  });
});

describe('the timeline', () => {
  const history: Order['statusHistory'] = [
    { status: 'pending', at: '2026-01-01T04:30:00.000Z', by: 'customer' },
    { status: 'confirmed', at: '2026-01-01T05:00:00.000Z', by: 'admin', note: 'Packing this afternoon' },
    { status: 'shipped', at: '2026-01-02T05:00:00.000Z', by: 'admin', note: 'India Post' },
  ];

  it('lists the steps oldest first, with who made them and the shop’s notes', () => {
    expect(toTimeline(order({ status: 'shipped', statusHistory: history, statusNote: 'India Post' }))).toEqual([
      { key: '0-2026-01-01T04:30:00.000Z', status: 'Placed', rawStatus: 'pending', at: '2026-01-01T04:30:00.000Z', by: 'you', note: undefined },
      { key: '1-2026-01-01T05:00:00.000Z', status: 'Confirmed', rawStatus: 'confirmed', at: '2026-01-01T05:00:00.000Z', by: 'the shop', note: 'Packing this afternoon' },
      { key: '2-2026-01-02T05:00:00.000Z', status: 'Shipped', rawStatus: 'shipped', at: '2026-01-02T05:00:00.000Z', by: 'the shop', note: 'India Post' },
    ]);
  });

  it('shows the shop’s current note on the latest step (a tracking number added later)', () => {
    expect(toTimeline(order({ status: 'shipped', statusHistory: history, statusNote: 'India Post EA123456789IN' })).at(-1)?.note).toBe('India Post EA123456789IN');
  });

  it('says nothing of who made a step the server made itself', () => {
    const rejected = toTimeline(order({ status: 'rejected', statusHistory: [{ status: 'rejected', at: placedAt, by: 'system' }] }));
    expect(rejected).toMatchObject([{ status: 'Not placed', by: undefined }]);
  });

  it.each<[string, Partial<Order>, string[]]>([
    ['a pending order', { statusHistory: [] }, ['Placed']],
    ['a delivered order', { statusHistory: [], status: 'delivered', statusNote: 'Handed to Sita', updatedAt: '2026-01-05T00:00:00.000Z' }, ['Placed', 'Delivered']],
  ])('gives %s from the old shop (no history) when it was placed and where it is now', (_case, fields, steps) => {
    const timeline = toTimeline(order(fields));
    expect(timeline.map((entry) => entry.status)).toEqual(steps);
    expect(timeline[0]?.at).toBe(placedAt);
    expect(timeline.at(-1)?.note).toBe(fields.statusNote);
  });
});

describe('the order page', () => {
  it('shows a line’s own picture, else the catalogue’s, else none (the page’s placeholder)', () => {
    const view = toOrderPageView(order({ items: [...base.items, { productId: 'p3', product: 'p3', name: 'Book', price: 100, quantity: 1 }] }), (id) => (id === 'p2' ? '/images/camphor.webp' : undefined));
    expect(view.lines.map((line) => line.imageUrl)).toEqual(['/images/laddu.webp', '/images/camphor.webp', undefined]);
  });

  it('gives the address as lines to print', () => {
    expect(toOrderPageView(order()).address).toEqual({ name: 'Sita', phone: '9848022338', lines: ['1 Temple Road, Near the ghat', 'Annavaram, AP 533406'] });
  });

  it('keeps My orders’ summary: number, status and the items to put back in the cart', () => {
    expect(toOrderPageView(order({ status: 'rejected', rejectionReason: 'Laddu is out of stock', paymentStatus: 'void' }))).toMatchObject({
      number: 'OA-20260101-7K3F9Q',
      status: 'Not placed',
      rejectionReason: 'Laddu is out of stock',
      payment: 'No payment due (not placed)',
      items: [{ productId: 'p1', name: 'Laddu', quantity: 2 }, { productId: 'p2', name: 'Camphor', quantity: 3 }],
    });
  });

  it.each<[string, string | undefined]>([
    ['o2', 'OA-2'],
    ['gone', undefined],
    ['elsewhere', undefined],
  ])('finds order %s among the shopper’s (not a deleted one)', (id, number) => {
    const orders = [order(), order({ id: 'o2', orderId: 'OA-2' }), order({ id: 'gone', orderId: 'OA-3', _deleted: true })];
    expect(findOrderPageView(orders, id)?.number).toBe(number);
  });

  it('shows an order still on the device as waiting to sync, without a number', () => {
    expect(toOrderPageView(order({ orderId: 'pending-o1' }))).toMatchObject({ number: undefined, waitingToSync: true, status: 'Waiting to sync', canCancel: false });
  });
});
