/**
 * An order's life after it is placed, through the real push endpoint: a shopper cancelling their
 * own pending order (stock back, payment void), the shop recording the courier's cash on a
 * delivered order, and the refund of a cancelled paid order. Each is one unit of work.
 */
import type { Storage } from '../src/storage/port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creates, pullAll, pushRows, startWorld, update, type Doc, type Session, type TestServer } from './http-server';

const address = { name: 'Lakshmi', phone: '9876543210', line1: '12 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };

describe("an order's lifecycle", () => {
  let server: TestServer;
  let admin: Session;
  let alice: Session;
  let bob: Session;
  beforeAll(async () => ({ server, admin, alice, bob } = await startWorld()));
  afterAll(() => server.close());

  const stockOf = async (id: string) => (await pullAll(server, 'products', { token: admin.accessToken })).replica.get(id)!.stock as number;
  const orderAs = async (who: Session, id: string) => (await pullAll(server, 'orders', { token: who.accessToken })).replica.get(id);
  const paymentOf = async (orderId: string) => [...(await pullAll(server, 'payments', { token: admin.accessToken })).replica.values()].find((p) => p.orderId === orderId)!;
  const place = async (who: Session, id: string, productId = 'demo-product-2', quantity = 2): Promise<Doc> => {
    const answer = await pushRows(server, 'orders', creates({ id, items: [{ productId, quantity }], shippingAddress: address, paymentMethod: 'cod' }), who.accessToken);
    expect(answer.body).toEqual({ conflicts: [], rejections: [] });
    return (await orderAs(who, id))!;
  };
  const move = async (id: string, ...statuses: string[]) => {
    for (const status of statuses) {
      const answer = await pushRows(server, 'orders', update((await orderAs(admin, id))!, { status }), admin.accessToken);
      expect(answer.body).toEqual({ conflicts: [], rejections: [] });
    }
  };

  it('lets a shopper cancel their own pending order: the stock comes back and the payment is void', async () => {
    const before = await stockOf('demo-product-2');
    const placed = await place(alice, 'o-cancel-1');
    expect(await stockOf('demo-product-2')).toBe(before - 2);

    const answer = await pushRows(server, 'orders', update(placed, { status: 'cancelled' }), alice.accessToken);
    expect(answer.body).toEqual({ conflicts: [], rejections: [] });
    const cancelled = (await orderAs(alice, 'o-cancel-1'))!;
    expect(cancelled).toMatchObject({ status: 'cancelled', paymentStatus: 'void' });
    expect((cancelled.statusHistory as Array<Record<string, unknown>>).at(-1)).toMatchObject({ status: 'cancelled', by: 'customer' });
    expect(await stockOf('demo-product-2')).toBe(before);
    expect((await paymentOf('o-cancel-1')).status).toBe('void');
    // The admins' replica has it too: the same document, not a copy of the shopper's.
    expect(await orderAs(admin, 'o-cancel-1')).toMatchObject({ status: 'cancelled' });
  });

  it("refuses a shopper's cancel once the shop has confirmed the order, and answers with the shop's state", async () => {
    const before = await stockOf('demo-product-3');
    const placed = await place(alice, 'o-cancel-2', 'demo-product-3', 1);
    await move('o-cancel-2', 'confirmed');
    const confirmed = (await orderAs(alice, 'o-cancel-2'))!;
    const answer = await pushRows(server, 'orders', update(confirmed, { status: 'cancelled' }), alice.accessToken);
    expect(answer.body.rejections).toEqual([{ id: 'o-cancel-2', code: 'INVALID_TRANSITION', message: expect.stringMatching(/confirmed.*ask the shop/) }]);
    expect(answer.body.conflicts).toEqual([expect.objectContaining({ id: 'o-cancel-2', status: 'confirmed' })]);
    expect(await stockOf('demo-product-3')).toBe(before - 1);
    // Pushed on top of the state the shopper last saw (still pending): a conflict, nothing moved.
    const stale = await pushRows(server, 'orders', update(placed, { status: 'cancelled' }), alice.accessToken);
    expect(stale.body.conflicts).toEqual([expect.objectContaining({ id: 'o-cancel-2', status: 'confirmed' })]);
    expect((await orderAs(admin, 'o-cancel-2'))!.status).toBe('confirmed');
  });

  it.each([
    ['moves it on', { status: 'delivered' }],
    ['changes the address', { shippingAddress: { ...address, line1: '1 Other Road' } }],
    ['records it as paid', { paymentStatus: 'paid' }],
    ['cancels it and lowers the total', { status: 'cancelled', total: 1 }],
  ])('refuses a shopper who %s, and changes nothing', async (_, changes) => {
    const id = `o-shopper-${Object.keys(changes).join('-')}`;
    const placed = await place(alice, id, 'demo-product-4', 1);
    const answer = await pushRows(server, 'orders', update(placed, changes), alice.accessToken);
    expect(answer.body.rejections).toEqual([{ id, code: 'FORBIDDEN', message: expect.any(String) }]);
    expect(await orderAs(alice, id)).toEqual(placed);
  });

  it("never lets a shopper cancel another shopper's order, nor learn that it exists", async () => {
    const before = await stockOf('demo-product-5');
    const alices = await place(alice, 'o-not-bobs', 'demo-product-5', 1);
    const answer = await pushRows(server, 'orders', update(alices, { status: 'cancelled' }), bob.accessToken);
    expect(answer.body.rejections).toEqual([]);
    expect(answer.body.conflicts).toEqual([{ id: 'o-not-bobs', _deleted: true, updatedAt: '' }]);
    expect((await orderAs(alice, 'o-not-bobs'))!.status).toBe('pending');
    expect(await stockOf('demo-product-5')).toBe(before - 1);
  });

  it('records the cash of a delivered cash-on-delivery order as collected, with who and when, on both sides', async () => {
    await place(alice, 'o-cash-1', 'demo-product-2', 1);
    // Not before the courier has the parcel: the cash cannot have been collected yet.
    const early = await pushRows(server, 'orders', update((await orderAs(admin, 'o-cash-1'))!, { paymentStatus: 'paid' }), admin.accessToken);
    expect(early.body.rejections).toEqual([{ id: 'o-cash-1', code: 'INVALID_PAYMENT_CHANGE', message: expect.stringMatching(/once it has shipped/) }]);
    expect((await paymentOf('o-cash-1')).status).toBe('pending');

    await move('o-cash-1', 'confirmed', 'packed', 'shipped', 'delivered');
    const delivered = (await orderAs(admin, 'o-cash-1'))!;
    expect(delivered.paymentStatus).toBe('pending');
    const collected = await pushRows(server, 'orders', update(delivered, { paymentStatus: 'paid' }), admin.accessToken);
    expect(collected.body).toEqual({ conflicts: [], rejections: [] });
    expect(await orderAs(alice, 'o-cash-1')).toMatchObject({ status: 'delivered', paymentStatus: 'paid' });
    expect(await paymentOf('o-cash-1')).toMatchObject({ status: 'paid', collectedBy: admin.id, collectedAt: expect.any(String) });
    // The shopper's own replica of the payment says so too.
    const mine = [...(await pullAll(server, 'payments', { token: alice.accessToken })).replica.values()].find((p) => p.orderId === 'o-cash-1');
    expect(mine).toMatchObject({ status: 'paid' });

    // Recorded once: the same push again changes nothing; a refund of a delivered order is refused.
    const again = await pushRows(server, 'orders', update((await orderAs(admin, 'o-cash-1'))!, { paymentStatus: 'refunded' }), admin.accessToken);
    expect(again.body.rejections[0]).toMatchObject({ code: 'INVALID_PAYMENT_CHANGE' });
  });

  it('keeps a cancelled order that was paid as paid until an admin records the refund', async () => {
    await place(alice, 'o-refund-1', 'demo-product-3', 1);
    // Money taken before cancelling (as an online payment would be): set in the database, since
    // cash on delivery is collected only after shipping, when cancelling is no longer possible.
    await markPaid(server.storage, 'o-refund-1');
    await move('o-refund-1', 'confirmed', 'cancelled');
    expect(await orderAs(alice, 'o-refund-1')).toMatchObject({ status: 'cancelled', paymentStatus: 'paid' });
    expect((await paymentOf('o-refund-1')).status).toBe('paid');

    const refunded = await pushRows(server, 'orders', update((await orderAs(admin, 'o-refund-1'))!, { paymentStatus: 'refunded' }), admin.accessToken);
    expect(refunded.body).toEqual({ conflicts: [], rejections: [] });
    expect(await orderAs(alice, 'o-refund-1')).toMatchObject({ paymentStatus: 'refunded' });
    expect(await paymentOf('o-refund-1')).toMatchObject({ status: 'refunded', refundedBy: admin.id, refundedAt: expect.any(String) });
  });

  it('never answers with a 500', () => {
    expect(server.errors).toEqual([]);
  });
});

/** The order and its payment as paid, in one unit, straight through the storage port. */
async function markPaid(storage: Storage, orderId: string): Promise<void> {
  const [order] = await storage.readByIds('orders', [orderId]);
  const [payment] = await storage.readByIds('payments', [orderId]);
  const result = await storage.commit([
    { collection: 'orders', id: orderId, expectedSeq: order!.seq, doc: { ...order!.doc, paymentStatus: 'paid' } },
    { collection: 'payments', id: orderId, expectedSeq: payment!.seq, doc: { ...payment!.doc, status: 'paid' } },
  ]);
  expect(result.kind).toBe('committed');
}
