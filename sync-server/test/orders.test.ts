/**
 * Orders through the real push endpoint: priced by the server from the stored catalogue, stock
 * taken once (even when replayed or raced), payments recorded, rejections a shopper can read,
 * and an admin's status moves through the state machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creates, pullAll, pushRows, register, signInAdmin, startTestServer, update, type Doc, type Session, type TestServer, startWorld } from './http-server';

const address = { name: 'Lakshmi', phone: '9876543210', line1: '12 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };

function order(id: string, items: Array<{ productId: string; quantity: number; price?: number }>, extra: Record<string, unknown> = {}) {
  return creates({ id, items, shippingAddress: address, paymentMethod: 'cod', ...extra });
}

async function product(server: TestServer, admin: Session, id: string): Promise<Doc> {
  return (await pullAll(server, 'products', { token: admin.accessToken })).replica.get(id)!;
}

async function setStock(server: TestServer, admin: Session, id: string, stock: number): Promise<void> {
  const current = await product(server, admin, id);
  const answer = await pushRows(server, 'products', update(current, { stock, totalStock: stock }), admin.accessToken);
  expect(answer.body.rejections).toEqual([]);
}

describe('orders', () => {
  let server: TestServer;
  let admin: Session;
  let alice: Session;
  let bob: Session;
  beforeAll(async () => ({ server, admin, alice, bob } = await startWorld()));
  afterAll(() => server.close());

  it('prices an order from the catalogue, ignoring the prices the client sent, and takes the stock', async () => {
    const laddu = await product(server, admin, 'demo-product-1');
    const answer = await pushRows(server, 'orders', order('o-alice-1', [{ productId: 'demo-product-1', quantity: 3, price: 1 }], { total: 1, status: 'delivered', userId: bob.id }), alice.accessToken);
    expect(answer.body).toEqual({ conflicts: [], rejections: [] });
    const placed = (await pullAll(server, 'orders', { token: alice.accessToken })).replica.get('o-alice-1')!;
    expect(placed).toMatchObject({ status: 'pending', userId: alice.id, user: alice.id, paymentStatus: 'pending' });
    const items = placed.items as Array<Record<string, unknown>>;
    expect(items[0]).toMatchObject({ productId: 'demo-product-1', product: 'demo-product-1', quantity: 3, price: laddu.price, name: laddu.name });
    expect(placed.subtotal).toBe(3 * (laddu.price as number));
    expect(placed.total).toBe((placed.subtotal as number) + (placed.shippingFee as number));
    expect(placed.orderId).toMatch(/^OA-/);
    expect(placed.products).toEqual(placed.items);
    expect((await product(server, admin, 'demo-product-1')).stock).toBe((laddu.stock as number) - 3);
    const payments = await pullAll(server, 'payments', { token: alice.accessToken });
    expect([...payments.replica.values()]).toEqual([expect.objectContaining({ orderId: 'o-alice-1', amount: placed.total, method: 'cod', status: 'pending' })]);
  });

  it('never places a replayed order twice nor takes its stock again', async () => {
    const before = (await product(server, admin, 'demo-product-1')).stock;
    const replay = await pushRows(server, 'orders', order('o-alice-1', [{ productId: 'demo-product-1', quantity: 3 }]), alice.accessToken);
    expect(replay.body.rejections).toEqual([]);
    expect(replay.body.conflicts).toEqual([expect.objectContaining({ id: 'o-alice-1', status: 'pending' })]);
    expect((await product(server, admin, 'demo-product-1')).stock).toBe(before);
    expect((await pullAll(server, 'orders', { token: alice.accessToken })).replica.size).toBe(1);
  });

  it('shows each shopper only their own orders, and admins all of them', async () => {
    await pushRows(server, 'orders', order('o-bob-1', [{ productId: 'demo-product-3', quantity: 1 }]), bob.accessToken);
    expect([...(await pullAll(server, 'orders', { token: bob.accessToken })).replica.keys()]).toEqual(['o-bob-1']);
    expect([...(await pullAll(server, 'orders', { token: alice.accessToken })).replica.keys()]).toEqual(['o-alice-1']);
    const all = await pullAll(server, 'orders', { token: admin.accessToken });
    expect(new Set(all.replica.keys())).toEqual(new Set(['o-alice-1', 'o-bob-1']));
  });

  it('stores an order for a product out of stock as rejected, with a reason the shopper can read', async () => {
    await setStock(server, admin, 'demo-product-7', 0);
    const answer = await pushRows(server, 'orders', order('o-none', [{ productId: 'demo-product-7', quantity: 1 }]), alice.accessToken);
    expect(answer.body.rejections).toEqual([]);
    const rejected = (await pullAll(server, 'orders', { token: alice.accessToken })).replica.get('o-none')!;
    expect(rejected.status).toBe('rejected');
    expect(rejected.rejectionReason).toMatch(/Camphor Tablets/);
  });

  it('answers an order naming an inactive or deleted product exactly as one naming no product', async () => {
    const hidden = await product(server, admin, 'demo-product-8');
    expect((await pushRows(server, 'products', update(hidden, { isActive: false }), admin.accessToken)).body).toEqual({ conflicts: [], rejections: [] });
    const answers = [];
    for (const [id, productId] of [['o-hidden', 'demo-product-8'], ['o-nothing', 'no-such-product']] as const) {
      const answer = await pushRows(server, 'orders', order(id, [{ productId, quantity: 1 }]), alice.accessToken);
      expect(answer.body.rejections).toEqual([]);
      const stored = (await pullAll(server, 'orders', { token: alice.accessToken })).replica.get(id)!;
      answers.push(JSON.parse(JSON.stringify({ items: stored.items, reason: stored.rejectionReason, status: stored.status }).replaceAll(productId, '<product>')));
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(JSON.stringify(answers[0])).not.toContain(String(hidden.name));
  });

  it('lets exactly five of twenty concurrent shoppers buy a product with five in stock', async () => {
    await setStock(server, admin, 'demo-product-6', 5);
    const shoppers = await Promise.all(Array.from({ length: 20 }, (_, i) => register(server, `buyer${i}@example.com`, `Buyer ${i}`)));
    await Promise.all(
      shoppers.map((shopper, i) => pushRows(server, 'orders', order(`o-race-${i}`, [{ productId: 'demo-product-6', quantity: 1 }]), shopper.accessToken)),
    );
    const orders = [...(await pullAll(server, 'orders', { token: admin.accessToken })).replica.values()].filter((o) => o.id.startsWith('o-race-'));
    expect(orders).toHaveLength(20);
    expect(orders.filter((o) => o.status === 'pending')).toHaveLength(5);
    expect(orders.filter((o) => o.status === 'rejected')).toHaveLength(15);
    expect((await product(server, admin, 'demo-product-6')).stock).toBe(0);
  });

  it('places fifty orders for one product pushed at the same moment, every one of them', { timeout: 60_000 }, async () => {
    await setStock(server, admin, 'demo-product-7', 100);
    // Fifty pushes at once (from two shoppers: sign-ups are rate limited per address); each
    // collides with the others on the product's stock and is planned again until it goes through.
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        pushRows(server, 'orders', order(`o-rush-${i}`, [{ productId: 'demo-product-7', quantity: 1 }]), (i % 2 ? alice : bob).accessToken),
      ),
    );
    // Every shopper's order went through: none answered "try again" however much they collided.
    expect(answers.flatMap((answer) => answer.body.rejections)).toEqual([]);
    const orders = [...(await pullAll(server, 'orders', { token: admin.accessToken })).replica.values()].filter((o) => o.id.startsWith('o-rush-'));
    expect(orders.filter((o) => o.status === 'pending')).toHaveLength(50);
    expect((await product(server, admin, 'demo-product-7')).stock).toBe(50);
  });

  it('moves an order forward one step at a time and refuses an impossible step', async () => {
    let current = (await pullAll(server, 'orders', { token: admin.accessToken })).replica.get('o-bob-1')!;
    const confirmed = await pushRows(server, 'orders', update(current, { status: 'confirmed', statusNote: 'Packed tomorrow' }), admin.accessToken);
    expect(confirmed.body).toEqual({ conflicts: [], rejections: [] });
    current = (await pullAll(server, 'orders', { token: admin.accessToken })).replica.get('o-bob-1')!;
    expect(current).toMatchObject({ status: 'confirmed', statusNote: 'Packed tomorrow' });
    const skip = await pushRows(server, 'orders', update(current, { status: 'delivered' }), admin.accessToken);
    expect(skip.body.rejections[0]).toMatchObject({ id: 'o-bob-1', code: 'INVALID_TRANSITION' });
    expect(skip.body.conflicts[0]).toMatchObject({ id: 'o-bob-1', status: 'confirmed' });
    const cheaper = await pushRows(server, 'orders', update(current, { total: 1 }), admin.accessToken);
    expect(cheaper.body.rejections[0]).toMatchObject({ code: 'FIELD_NOT_WRITABLE' });
    const mine = (await pullAll(server, 'orders', { token: bob.accessToken })).replica.get('o-bob-1')!;
    const byShopper = await pushRows(server, 'orders', update(mine, { status: 'delivered' }), bob.accessToken);
    expect(byShopper.body.rejections[0]).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('returns the stock and voids the payment when an admin cancels', async () => {
    const before = (await product(server, admin, 'demo-product-1')).stock as number;
    const current = (await pullAll(server, 'orders', { token: admin.accessToken })).replica.get('o-alice-1')!;
    const cancelled = await pushRows(server, 'orders', update(current, { status: 'cancelled', statusNote: 'Customer called' }), admin.accessToken);
    expect(cancelled.body).toEqual({ conflicts: [], rejections: [] });
    expect((await product(server, admin, 'demo-product-1')).stock).toBe(before + 3);
    const payment = [...(await pullAll(server, 'payments', { token: alice.accessToken })).replica.values()].find((p) => p.orderId === 'o-alice-1')!;
    expect(payment.status).toBe('void');
  });

  it('gives each order its own payment, even orders whose ids share their first 60 characters', async () => {
    const shared = 'o'.repeat(60);
    for (const id of [`${shared}-one`, `${shared}-two`]) {
      expect((await pushRows(server, 'orders', order(id, [{ productId: 'demo-product-2', quantity: 1 }]), alice.accessToken)).body).toEqual({ conflicts: [], rejections: [] });
    }
    const paymentOf = async (orderId: string) =>
      [...(await pullAll(server, 'payments', { token: alice.accessToken })).replica.values()].filter((p) => p.orderId === orderId);
    expect(await paymentOf(`${shared}-one`)).toHaveLength(1);
    expect(await paymentOf(`${shared}-two`)).toHaveLength(1);

    const first = (await pullAll(server, 'orders', { token: admin.accessToken })).replica.get(`${shared}-one`)!;
    expect((await pushRows(server, 'orders', update(first, { status: 'cancelled' }), admin.accessToken)).body).toEqual({ conflicts: [], rejections: [] });
    expect((await paymentOf(`${shared}-one`))[0]!.status).toBe('void');
    // Cancelling one order never touches another order's payment.
    expect((await paymentOf(`${shared}-two`))[0]!.status).toBe('pending');
  });

  it('serves other requests while a large push of orders is being placed', async () => {
    // Each order is a unit of work, and other requests get their turn between two: /health, sent
    // while a push of 300 orders is being placed, answers before that push does.
    const rows = Array.from({ length: 300 }, (_, i) => ({
      assumedMasterState: null,
      newDocumentState: {
        id: `o-bulk-${i}`,
        _deleted: false,
        items: ['demo-product-3', 'demo-product-4', 'demo-product-5'].map((productId) => ({ productId, quantity: 1 })),
        shippingAddress: address,
        paymentMethod: 'cod',
      },
    }));
    const finished: string[] = [];
    const push = pushRows(server, 'orders', rows, bob.accessToken).then((answer) => {
      finished.push('push');
      return answer;
    });
    // Once the server is placing them (the first order is stored), ask for /health.
    for (let waited = 0; waited < 400; waited++) {
      if ((await server.storage.readByIds('orders', ['o-bulk-0'])).length > 0) break;
      await new Promise((done) => setTimeout(done, 5));
    }
    await fetch(`${server.url}/health`).then(() => finished.push('health'));
    expect((await push).body.rejections).toEqual([]);
    expect(finished).toEqual(['health', 'push']);
  });

  it('never answers with a 500', () => {
    expect(server.errors).toEqual([]);
  });
});

describe('reviews', () => {
  let server: TestServer;
  let admin: Session;
  let alice: Session;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await signInAdmin(server);
    alice = await register(server, 'alice@example.com', 'Alice');
  });
  afterAll(async () => {
    await server.close();
  });

  it('publishes a review at once, keeps the product rating, and refuses a second one', async () => {
    const first = await pushRows(server, 'reviews', creates({ id: 'r1', productId: 'demo-product-2', rating: 4, comment: 'Fresh and sweet', isApproved: false, userId: 'someone-else' }), alice.accessToken);
    expect(first.body).toEqual({ conflicts: [], rejections: [] });
    const review = (await pullAll(server, 'reviews')).replica.get('r1')!;
    expect(review).toMatchObject({ isApproved: true, isDeleted: false, userId: alice.id, user: alice.id, reviewText: 'Fresh and sweet', product: 'demo-product-2' });
    const rated = (await pullAll(server, 'products')).replica.get('demo-product-2')!;
    expect(rated).toMatchObject({ ratingAverage: 4, ratingCount: 1 });
    const second = await pushRows(server, 'reviews', creates({ id: 'r2', productId: 'demo-product-2', rating: 1, comment: 'again' }), alice.accessToken);
    expect(second.body.rejections[0]).toMatchObject({ id: 'r2', code: 'DUPLICATE_REVIEW' });
  });

  it('stores one review when a shopper pushes two reviews of one product at the same moment', async () => {
    const bob = await register(server, 'bob.reviews@example.com', 'Bob');
    // Two devices of one shopper, each with its own review id: both requests read "no review yet"
    // before either commits; the database's unique index decides, not that read.
    const answers = await Promise.all(
      ['r-race-1', 'r-race-2', 'r-race-3'].map((id, i) => pushRows(server, 'reviews', creates({ id, productId: 'demo-product-4', rating: 3 + i, comment: `device ${i}` }), bob.accessToken)),
    );
    const refusals = answers.flatMap((answer) => answer.body.rejections);
    expect(refusals).toHaveLength(2);
    for (const refusal of refusals) expect(refusal).toMatchObject({ code: 'DUPLICATE_REVIEW' });
    const stored = [...(await pullAll(server, 'reviews')).replica.values()].filter((review) => review.productId === 'demo-product-4' && review.userId === bob.id);
    expect(stored).toHaveLength(1);
    // The rating is part of the review's unit, so it agrees only where units are atomic (not on a
    // standalone MongoDB, which applies them one write at a time: development only).
    if (!server.storage.atomicUnits) return;
    const rated = (await pullAll(server, 'products')).replica.get('demo-product-4')!;
    expect(rated).toMatchObject({ ratingCount: 1, ratingAverage: stored[0]!.rating });
  });

  it('answers a review of an inactive product exactly as one of a product that does not exist', async () => {
    const current = (await pullAll(server, 'products', { token: admin.accessToken })).replica.get('demo-product-9')!;
    expect((await pushRows(server, 'products', update(current, { isActive: false }), admin.accessToken)).body).toEqual({ conflicts: [], rejections: [] });
    const [hidden, missing] = await Promise.all(
      ['demo-product-9', 'no-such-product'].map((productId, i) => pushRows(server, 'reviews', creates({ id: `r-unreleased-${i}`, productId, rating: 5, comment: 'hm' }), alice.accessToken)),
    );
    expect(hidden!.body.rejections).toEqual([{ id: 'r-unreleased-0', code: 'PRODUCT_UNAVAILABLE', message: missing!.body.rejections[0]!.message }]);
    expect(JSON.stringify(hidden!.body)).not.toContain(String(current.name));
  });

  it('lets an admin hide a review: shoppers receive a deletion and the rating follows', async () => {
    const before = await pullAll(server, 'reviews');
    const review = (await pullAll(server, 'reviews', { token: admin.accessToken })).replica.get('r1')!;
    const hidden = await pushRows(server, 'reviews', update(review, { isApproved: false }), admin.accessToken);
    expect(hidden.body).toEqual({ conflicts: [], rejections: [] });
    const after = await pullAll(server, 'reviews', { checkpoint: before.checkpoint });
    expect(after.documents.find((doc) => doc.id === 'r1')).toEqual({ id: 'r1', _deleted: true, updatedAt: expect.any(String) });
    expect((await pullAll(server, 'products')).replica.get('demo-product-2')).toMatchObject({ ratingCount: 0 });
    const edit = await pushRows(server, 'reviews', update({ ...review, isApproved: false }, { rating: 1 }), admin.accessToken);
    expect(edit.body.rejections.length + edit.body.conflicts.length).toBeGreaterThan(0);
  });
});
