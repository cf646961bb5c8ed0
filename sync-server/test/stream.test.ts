/**
 * GET /sync/stream over real HTTP: one connection carries every collection a client follows,
 * filtered per reader exactly as a pull is, starting with RESYNC and ending with the token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creates, pullAll, pushRows, register, startTestServer, update, type Session, type TestServer, startWorld } from './http-server';
import { isChange, openStream, type ChangeEvent } from './sse-client';

describe('live stream', () => {
  let server: TestServer;
  let admin: Session;
  let alice: Session;
  let bob: Session;
  beforeAll(async () => ({ server, admin, alice, bob } = await startWorld()));
  afterAll(() => server.close());

  it('starts with RESYNC and carries an admin’s product edit to an anonymous shopper', async () => {
    const stream = await openStream(`${server.url}/sync/stream?collections=products,categories`);
    expect(stream.status).toBe(200);
    expect(await stream.next((event) => event === 'RESYNC')).toBe('RESYNC');
    const product = (await pullAll(server, 'products', { token: admin.accessToken })).replica.get('demo-product-4')!;
    await pushRows(server, 'products', update(product, { price: 475 }), admin.accessToken);
    const event = (await stream.next(isChange('products', (doc) => doc.id === 'demo-product-4'))) as ChangeEvent;
    expect(event.documents.find((doc) => doc.id === 'demo-product-4')).toMatchObject({ price: 475 });
    expect(event.checkpoint).toMatch(/^v1\./);

    const latest = (await pullAll(server, 'products', { token: admin.accessToken })).replica.get('demo-product-4')!;
    await pushRows(server, 'products', update(latest, { isActive: false }), admin.accessToken);
    const hidden = (await stream.next(isChange('products', (doc) => doc.id === 'demo-product-4' && doc._deleted === true))) as ChangeEvent;
    expect(Object.keys(hidden.documents.find((doc) => doc.id === 'demo-product-4')!).sort()).toEqual(['_deleted', 'id', 'updatedAt']);
    stream.close();
  });

  it('carries a shopper’s own documents to them and to nobody else', async () => {
    const aliceStream = await openStream(`${server.url}/sync/stream?collections=cart_items,products`, alice.accessToken);
    const bobStream = await openStream(`${server.url}/sync/stream?collections=cart_items`, bob.accessToken);
    await aliceStream.next((event) => event === 'RESYNC');
    await bobStream.next((event) => event === 'RESYNC');
    await pushRows(server, 'cart_items', creates({ id: 'ci-live', cartId: 'cart-a', productId: 'demo-product-1', quantity: 1 }), alice.accessToken);
    await aliceStream.next(isChange('cart_items', (doc) => doc.id === 'ci-live'));
    await pushRows(server, 'cart_items', creates({ id: 'ci-bob', cartId: 'cart-b', productId: 'demo-product-1', quantity: 1 }), bob.accessToken);
    await bobStream.next(isChange('cart_items', (doc) => doc.id === 'ci-bob'));
    expect(bobStream.events.some(isChange('cart_items', (doc) => doc.id === 'ci-live'))).toBe(false);
    expect(aliceStream.events.some(isChange('cart_items', (doc) => doc.id === 'ci-bob'))).toBe(false);
    aliceStream.close();
    bobStream.close();
  });

  it('never carries a secret', async () => {
    const stream = await openStream(`${server.url}/sync/stream?collections=users,sessions`, alice.accessToken);
    await stream.next((event) => event === 'RESYNC');
    const profile = (await pullAll(server, 'users', { token: alice.accessToken })).replica.get(alice.id)!;
    await pushRows(server, 'users', update(profile, { name: 'Alice Live' }), alice.accessToken);
    await stream.next(isChange('users', (doc) => doc.name === 'Alice Live'));
    expect(JSON.stringify(stream.events)).not.toMatch(/passwordHash|refreshTokenHash|scrypt\$|sha256\$/);
    stream.close();
  });

  it.each([
    ['orders', undefined, 401],
    ['admins', 'customer', 403],
    ['products,nonsense', undefined, 404],
    ['', undefined, 400],
  ] as const)('refuses to stream %s to %s with %i', async (collections, who, status) => {
    const token = who === 'customer' ? alice.accessToken : undefined;
    const response = await fetch(`${server.url}/sync/stream?collections=${collections}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toEqual(expect.any(String));
  });
});

describe('live stream and the end of a session', () => {
  it('ends the stream when its session signs out', async () => {
    const server = await startTestServer();
    try {
      const alice = await register(server, 'alice@example.com');
      const stream = await openStream(`${server.url}/sync/stream?collections=cart_items`, alice.accessToken);
      await stream.next((event) => event === 'RESYNC');
      const other = await openStream(`${server.url}/sync/stream?collections=products`);
      await other.next((event) => event === 'RESYNC');
      const logout = await fetch(`${server.url}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${alice.accessToken}` } });
      expect(logout.status).toBe(204);
      await stream.ended;
      expect(server.hub.size).toBe(1);
      other.close();
    } finally {
      await server.close();
    }
  });
});

describe('live stream and token expiry', () => {
  it('ends the stream when the access token expires', async () => {
    // The server's clock runs 29 s behind: tokens it signs for 30 s expire a second from now.
    const server = await startTestServer({ env: { ACCESS_TOKEN_TTL_SECONDS: '30' }, now: () => new Date(Date.now() - 29_000) });
    try {
      const alice = await register(server, 'alice@example.com');
      const stream = await openStream(`${server.url}/sync/stream?collections=cart_items`, alice.accessToken);
      await stream.next((event) => event === 'RESYNC');
      const started = Date.now();
      await stream.ended;
      expect(Date.now() - started).toBeLessThan(5000);
      expect(server.hub.size).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe('live stream caps', () => {
  it('refuses streams beyond the per-address and total caps with 503 and Retry-After, and counts them in /health', async () => {
    const server = await startTestServer({ seed: false, env: { MAX_STREAMS: '3', MAX_STREAMS_PER_ADDRESS: '2', TRUST_PROXY: 'true' } });
    const url = `${server.url}/sync/stream?collections=products`;
    const from = (address: string) => openStream(url, undefined, { 'x-forwarded-for': address });
    try {
      const [first, second] = [await from('198.51.100.1'), await from('198.51.100.1')];
      for (const stream of [first, second]) await stream.next((event) => event === 'RESYNC');
      const third = await from('198.51.100.1');
      expect(third.status).toBe(503);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(third.body).toEqual({ error: { code: 'TOO_MANY_STREAMS', message: expect.any(String) } });

      const other = await from('198.51.100.2');
      expect(other.status).toBe(200);
      await other.next((event) => event === 'RESYNC');
      // Three open: the whole process is full, whoever asks.
      expect((await from('198.51.100.3')).status).toBe(503);
      expect(await (await fetch(`${server.url}/health`)).json()).toMatchObject({ streams: 3 });

      // A stream that closes gives its place back.
      first.close();
      for (let i = 0; i < 100 && server.hub.size > 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      const again = await from('198.51.100.1');
      expect(again.status).toBe(200);
      for (const stream of [second, other, again]) stream.close();
    } finally {
      await server.close();
    }
  });
});
