/**
 * POST /sync/:collection/push over real HTTP, for the collections without side effects:
 * ownership from the stored document, fields each role may change, aliases, validation,
 * conflicts, and per-row refusals that always hand back the authoritative state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creates, pullAll, pushRows, update, type Session, type TestServer, startWorld } from './http-server';

describe('push', () => {
  let server: TestServer;
  let admin: Session;
  let alice: Session;
  let bob: Session;
  beforeAll(async () => ({ server, admin, alice, bob } = await startWorld()));
  afterAll(() => server.close());

  it('needs a token', async () => {
    const answer = await pushRows(server, 'cart_items', creates({ id: 'x', cartId: 'c', productId: 'p', quantity: 1 }));
    expect(answer.status).toBe(401);
  });

  it('lets a shopper fill their own cart, setting the owner from the token whatever the client claims', async () => {
    const answer = await pushRows(
      server,
      'cart_items',
      creates({ id: 'ci-alice-1', cartId: 'cart-alice', productId: 'demo-product-1', quantity: 2, userId: bob.id }),
      alice.accessToken,
    );
    expect(answer.body).toEqual({ conflicts: [], rejections: [] });
    const mine = await pullAll(server, 'cart_items', { token: alice.accessToken });
    expect(mine.replica.get('ci-alice-1')).toMatchObject({ userId: alice.id, quantity: 2 });
    const bobs = await pullAll(server, 'cart_items', { token: bob.accessToken });
    expect(bobs.replica.size).toBe(0);
  });

  it("refuses to touch another shopper's document, answering with a deletion that reveals nothing", async () => {
    const mine = await pullAll(server, 'cart_items', { token: alice.accessToken });
    const item = mine.replica.get('ci-alice-1')!;
    const answer = await pushRows(server, 'cart_items', update(item, { quantity: 9 }), bob.accessToken);
    // Decided as if no such line existed: its id is taken, so the answer is the bare deletion a
    // client gets for an id it may not use, with nothing from alice's line (not even updatedAt).
    expect(answer.body.rejections).toEqual([]);
    expect(answer.body.conflicts).toEqual([{ id: 'ci-alice-1', _deleted: true, updatedAt: '' }]);
    const still = await pullAll(server, 'cart_items', { token: alice.accessToken });
    expect(still.replica.get('ci-alice-1')?.quantity).toBe(2);
  });

  it("refuses a cart line that names another shopper's cart", async () => {
    expect((await pushRows(server, 'carts', creates({ id: 'cart-of-alice' }), alice.accessToken)).body).toEqual({ conflicts: [], rejections: [] });
    const intruder = await pushRows(server, 'cart_items', creates({ id: 'ci-bob-x', cartId: 'cart-of-alice', productId: 'demo-product-1', quantity: 1 }), bob.accessToken);
    expect(intruder.body.rejections).toEqual([{ id: 'ci-bob-x', code: 'NOT_FOUND', message: expect.any(String) }]);
    const own = await pushRows(server, 'cart_items', creates({ id: 'ci-alice-c', cartId: 'cart-of-alice', productId: 'demo-product-1', quantity: 1 }), alice.accessToken);
    expect(own.body).toEqual({ conflicts: [], rejections: [] });
  });

  it('answers a stale assumed state with the current document', async () => {
    const mine = await pullAll(server, 'cart_items', { token: alice.accessToken });
    const item = mine.replica.get('ci-alice-1')!;
    expect((await pushRows(server, 'cart_items', update(item, { quantity: 3 }), alice.accessToken)).body.conflicts).toEqual([]);
    const stale = await pushRows(server, 'cart_items', update(item, { quantity: 5 }), alice.accessToken);
    expect(stale.body.conflicts).toHaveLength(1);
    expect(stale.body.conflicts[0]).toMatchObject({ id: 'ci-alice-1', quantity: 3 });
    expect(stale.body.rejections).toEqual([]);
  });

  it('takes a change pushed on top of the device’s own last push before any pull brought the server’s version', async () => {
    // What RxDB holds as the server's state after a push is what it sent (its own clock's times,
    // the owner it claimed); the connection dropped before the live stream or a pull told it more.
    const sent = { id: 'ci-own-echo', _deleted: false, cartId: 'cart-alice', productId: 'demo-product-3', quantity: 1, userId: alice.id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    expect((await pushRows(server, 'cart_items', creates(sent), alice.accessToken)).body).toEqual({ conflicts: [], rejections: [] });
    const removal = await pushRows(server, 'cart_items', update(sent, { _deleted: true }), alice.accessToken);
    expect(removal.body).toEqual({ conflicts: [], rejections: [] });
    expect((await pullAll(server, 'cart_items', { token: alice.accessToken })).replica.has('ci-own-echo')).toBe(false);
  });

  it('answers a creation retried after its answer was lost as written, and the change made after it goes through', async () => {
    const sent = { id: 'ci-retried', cartId: 'cart-alice', productId: 'demo-product-4', quantity: 2, userId: alice.id };
    expect((await pushRows(server, 'cart_items', creates(sent), alice.accessToken)).body).toEqual({ conflicts: [], rejections: [] });
    expect((await pushRows(server, 'cart_items', creates(sent), alice.accessToken)).body).toEqual({ conflicts: [], rejections: [] });
    const [row] = creates(sent) as Array<{ newDocumentState: Record<string, unknown> }>;
    expect((await pushRows(server, 'cart_items', update(row!.newDocumentState, { quantity: 3 }), alice.accessToken)).body).toEqual({ conflicts: [], rejections: [] });
    expect((await pullAll(server, 'cart_items', { token: alice.accessToken })).replica.get('ci-retried')).toMatchObject({ quantity: 3 });
  });

  it('still answers the device’s own last push as a conflict once another device changed the line', async () => {
    const sent = { id: 'ci-moved-on', cartId: 'cart-alice', productId: 'demo-product-5', quantity: 1, userId: alice.id };
    await pushRows(server, 'cart_items', creates(sent), alice.accessToken);
    const other = (await pullAll(server, 'cart_items', { token: alice.accessToken })).replica.get('ci-moved-on')!;
    expect((await pushRows(server, 'cart_items', update(other, { quantity: 4 }), alice.accessToken)).body.conflicts).toEqual([]);
    const [row] = creates(sent) as Array<{ newDocumentState: Record<string, unknown> }>;
    const stale = await pushRows(server, 'cart_items', update(row!.newDocumentState, { _deleted: true }), alice.accessToken);
    expect(stale.body.conflicts).toEqual([expect.objectContaining({ id: 'ci-moved-on', quantity: 4, _deleted: false })]);
    expect((await pushRows(server, 'cart_items', creates(sent), alice.accessToken)).body.conflicts).toEqual([expect.objectContaining({ id: 'ci-moved-on', quantity: 4 })]);
  });

  it("refuses a change to a field the role may not change, and one to the catalogue by a shopper", async () => {
    const profile = (await pullAll(server, 'users', { token: alice.accessToken })).replica.get(alice.id)!;
    const email = await pushRows(server, 'users', update(profile, { email: 'mallory@example.com' }), alice.accessToken);
    expect(email.body.rejections[0]).toMatchObject({ id: alice.id, code: 'FIELD_NOT_WRITABLE' });
    expect(email.body.conflicts[0]).toMatchObject({ id: alice.id, email: 'alice@example.com' });
    expect(JSON.stringify(email.body)).not.toContain('passwordHash');
    const renamed = await pushRows(server, 'users', update(profile, { name: 'Alice A.', phone: '9876543210' }), alice.accessToken);
    expect(renamed.body).toEqual({ conflicts: [], rejections: [] });

    const product = (await pullAll(server, 'products')).replica.get('demo-product-2')!;
    const cheaper = await pushRows(server, 'products', update(product, { price: 1 }), alice.accessToken);
    expect(cheaper.body.rejections[0]).toMatchObject({ id: 'demo-product-2', code: 'FORBIDDEN' });
    expect(cheaper.body.conflicts[0]).toMatchObject({ id: 'demo-product-2', price: product.price });
  });

  it('fills legacy alias names on an admin write and refuses a disagreement', async () => {
    const created = await pushRows(
      server,
      'products',
      creates({ id: 'p-new', name: 'Tulasi Mala', slug: 'tulasi-mala', price: 150, category: 'Pooja Items', stock: 10, imageUrl: '/images/mala.jpg' }),
      admin.accessToken,
    );
    expect(created.body).toEqual({ conflicts: [], rejections: [] });
    const stored = (await pullAll(server, 'products', { token: admin.accessToken })).replica.get('p-new')!;
    expect(stored).toMatchObject({ categoryId: 'cat-pooja', totalStock: 10, images: ['/images/mala.jpg'], ratingCount: 0 });

    const clash = await pushRows(server, 'products', creates({ id: 'p-clash', name: 'X', slug: 'x', price: 1, categoryId: 'cat-books', stock: 1, totalStock: 2 }), admin.accessToken);
    expect(clash.body.rejections[0]).toMatchObject({ id: 'p-clash', code: 'ALIAS_CONFLICT' });
    expect(clash.body.conflicts).toEqual([{ id: 'p-clash', _deleted: true, updatedAt: '' }]);
  });

  it('refuses a duplicate slug and an invalid price per row, writing the good rows of the batch', async () => {
    const answer = await pushRows(
      server,
      'products',
      creates(
        { id: 'p-dup', name: 'Dup', slug: 'tulasi-mala', price: 10, categoryId: 'cat-books', stock: 1 },
        { id: 'p-neg', name: 'Neg', slug: 'neg', price: -5, categoryId: 'cat-books', stock: 1 },
        { id: 'p-ok', name: 'Fine', slug: 'fine', price: 5, categoryId: 'cat-books', stock: 1 },
      ),
      admin.accessToken,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.rejections.map((r) => [r.id, r.code])).toEqual([
      ['p-neg', 'VALIDATION_FAILED'],
      ['p-dup', 'DUPLICATE'],
    ]);
    const stored = (await pullAll(server, 'products', { token: admin.accessToken })).replica;
    expect(stored.has('p-ok')).toBe(true);
    expect(stored.has('p-dup') || stored.has('p-neg')).toBe(false);
  });

  it('answers malformed rows one by one and refuses a malformed body whole', async () => {
    const answer = await pushRows(
      server,
      'cart_items',
      [
        42,
        { newDocumentState: { id: 'bad id!' } },
        { assumedMasterState: 'x', newDocumentState: { id: 'ci-alice-1' } },
        ...creates({ id: 'ci-alice-2', cartId: 'cart-alice', productId: 'demo-product-3', quantity: 1 }),
      ],
      alice.accessToken,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.rejections.map((r) => r.code)).toEqual(['INVALID_ROW', 'INVALID_ROW', 'INVALID_ROW']);
    // A malformed row for a document that exists gets that document back, not a deletion.
    expect(answer.body.conflicts).toContainEqual(expect.objectContaining({ id: 'ci-alice-1', _deleted: false, quantity: 3 }));
    expect((await pullAll(server, 'cart_items', { token: alice.accessToken })).replica.has('ci-alice-2')).toBe(true);

    expect((await pushRows(server, 'cart_items', { not: 'an array' }, alice.accessToken)).status).toBe(400);
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ assumedMasterState: null, newDocumentState: { id: `n${i}` } }));
    const big = await pushRows(server, 'cart_items', tooMany, alice.accessToken);
    expect(big.status).toBe(413);
    expect(big.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await fetch(`${server.url}/sync/cart_items/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${alice.accessToken}` },
      body: '[{"newDocumentState":',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: { code: 'MALFORMED_JSON', message: expect.any(String) } });
  });

  it('lets a shopper delete their own cart line, and not a role that may not delete', async () => {
    const item = (await pullAll(server, 'cart_items', { token: alice.accessToken })).replica.get('ci-alice-2')!;
    expect((await pushRows(server, 'cart_items', update(item, { _deleted: true }), alice.accessToken)).body).toEqual({ conflicts: [], rejections: [] });
    expect((await pullAll(server, 'cart_items', { token: alice.accessToken })).replica.has('ci-alice-2')).toBe(false);

    const profile = (await pullAll(server, 'users', { token: alice.accessToken })).replica.get(alice.id)!;
    const gone = await pushRows(server, 'users', update(profile, { _deleted: true }), alice.accessToken);
    expect(gone.body.rejections[0]).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers a push naming another account’s document exactly as one naming an id nobody holds', async () => {
    await pushRows(server, 'cart_items', creates({ id: 'ci-bob-private', cartId: 'cart-bob', productId: 'demo-product-1', quantity: 1 }), bob.accessToken);
    const cases: Array<[string, string, Record<string, unknown>]> = [
      // User ids are public (reviews carry them): their existence and activity must not be.
      ['users', bob.id, { name: 'Mallory', email: 'mallory@example.com' }],
      ['cart_items', 'ci-bob-private', { cartId: 'cart-x', productId: 'demo-product-1', quantity: 3 }],
    ];
    for (const [collection, taken, fields] of cases) {
      const answers = [];
      for (const id of [taken, `free-${collection}-id`]) {
        const base = { id, _deleted: false, ...fields };
        const update = await pushRows(server, collection, [{ assumedMasterState: base, newDocumentState: { ...base, name: 'Changed', quantity: 4 } }], alice.accessToken);
        const remove = await pushRows(server, collection, [{ assumedMasterState: base, newDocumentState: { ...base, _deleted: true } }], alice.accessToken);
        answers.push(JSON.parse(JSON.stringify({ update: update.body, remove: remove.body }).replaceAll(id, '<id>')));
      }
      if (collection === 'users') expect(answers[0]).toEqual(answers[1]);
      // Nothing from the stored document, its update time included.
      expect(JSON.stringify(answers[0])).not.toMatch(/"updatedAt":"20/);
    }
  });

  it('keeps a deletion that arrived before its creation, so the late creation conflicts instead of bringing the line back', async () => {
    const line = { id: 'ci-overtaken', _deleted: false, cartId: 'cart-alice', productId: 'demo-product-2', quantity: 1 };
    // The deletion (pushed on top of the state the device held) overtakes the creation.
    const deletion = await pushRows(server, 'cart_items', [{ assumedMasterState: line, newDocumentState: { ...line, _deleted: true } }], alice.accessToken);
    expect(deletion.body).toEqual({ conflicts: [], rejections: [] });
    const creation = await pushRows(server, 'cart_items', creates(line), alice.accessToken);
    expect(creation.body.rejections).toEqual([]);
    expect(creation.body.conflicts).toEqual([expect.objectContaining({ id: 'ci-overtaken', _deleted: true })]);
    const pulled = await pullAll(server, 'cart_items', { token: alice.accessToken });
    expect(pulled.replica.get('ci-overtaken')).toBeUndefined();
  });

  /** A raw body: JSON.stringify itself cannot write a value nested 10,000 deep. */
  const pushText = (collection: string, text: string, token: string) =>
    fetch(`${server.url}/sync/${collection}/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: text });
  const deep = (depth: number, inner = '"x"') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

  it.each([
    ['cart_items', 'cartId', (v: string) => `{"id":"ci-deep","_deleted":false,"cartId":${v},"productId":"demo-product-1","quantity":1}`],
    ['orders', 'productId', (v: string) => `{"id":"o-deep","_deleted":false,"items":[{"productId":${v},"quantity":1}],"paymentMethod":"cod"}`],
    ['orders', 'quantity', (v: string) => `{"id":"o-deep","_deleted":false,"items":[{"productId":"demo-product-1","quantity":${v}}],"paymentMethod":"cod"}`],
    ['reviews', 'productId', (v: string) => `{"id":"r-deep","_deleted":false,"productId":${v},"rating":5,"comment":"x"}`],
  ])('refuses a %s %s nested 10,000 deep as malformed, and one a few levels deep per row, never with a 500', async (collection, _field, document) => {
    const row = (value: string) => `[{"assumedMasterState":null,"newDocumentState":${document(value)}}]`;
    const tooDeep = await pushText(collection, row(deep(10_000)), alice.accessToken);
    expect(tooDeep.status).toBe(400);
    expect(((await tooDeep.json()) as { error: { code: string } }).error.code).toBe('MALFORMED_JSON');
    const nested = await pushText(collection, row(deep(5)), alice.accessToken);
    expect(nested.status).toBe(200);
    const answer = (await nested.json()) as { rejections: Array<{ code: string }> };
    expect(answer.rejections).toHaveLength(1);
    // A product named by anything but an id is one that does not exist.
    expect(['VALIDATION_FAILED', 'BAD_QUANTITY', 'PRODUCT_UNAVAILABLE']).toContain(answer.rejections[0]!.code);
  });

  it('refuses an order status nested deep without converting it', async () => {
    const placed = await pushRows(server, 'orders', creates({ id: 'o-status-deep', items: [{ productId: 'demo-product-2', quantity: 1 }], paymentMethod: 'cod', shippingAddress: { name: 'A', phone: '9876543210', line1: '1 Road', city: 'Annavaram', state: 'AP', pincode: '533406' } }), alice.accessToken);
    expect(placed.body.rejections).toEqual([]);
    const order = (await pullAll(server, 'orders', { token: admin.accessToken })).replica.get('o-status-deep')!;
    let status: unknown = 'confirmed';
    for (let i = 0; i < 20; i++) status = [status];
    const answer = await pushRows(server, 'orders', update(order, { status }), admin.accessToken);
    expect(answer.status).toBe(200);
    expect(answer.body.rejections).toEqual([{ id: 'o-status-deep', code: 'INVALID_TRANSITION', message: expect.stringMatching(/^That value is not an order status/) }]);
  });

  it('never lets the server answer with a 500', () => {
    expect(server.errors).toEqual([]);
  });
});
