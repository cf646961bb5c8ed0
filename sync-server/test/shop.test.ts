/**
 * GET /shop over real HTTP: the delivery rule from configuration, public and briefly cached, read
 * by the shop from its own origin; and orders pushed by a shopper priced with that same rule.
 */
import { syncProtocolHeader, syncProtocolVersion } from '@oa/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creates, pullAll, pushRows, startTestServer, startWorld, type TestServer, type World } from './http-server';

const address = { name: 'Lakshmi', phone: '9876543210', line1: '12 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };
const shopOrigin = 'http://shop.example:5174';
/** The Satyanarayana Vratham Kit of the demo catalogue: ₹450. */
const kit = 'demo-product-4';

describe('GET /shop', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: false });
  });
  afterAll(async () => server.close());

  it('answers the default delivery rule, without a token, cached for five minutes', async () => {
    const response = await fetch(`${server.url}/shop`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.json()).toEqual({ delivery: { fee: 40, freeFrom: 499 } });
  });

  it('refuses other methods with 405', async () => {
    const response = await fetch(`${server.url}/shop`, { method: 'POST' });
    expect(response.status).toBe(405);
    await response.arrayBuffer();
  });
});

describe('a configured delivery rule (DELIVERY_FEE=25, FREE_DELIVERY_FROM=1000)', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ env: { DELIVERY_FEE: '25', FREE_DELIVERY_FROM: '1000', CORS_ORIGINS: shopOrigin } });
  });
  afterAll(async () => world.server.close());

  it('is what GET /shop answers, to the shop calling from its own origin with its protocol header', async () => {
    const preflight = await fetch(`${world.server.url}/shop`, {
      method: 'OPTIONS',
      headers: { Origin: shopOrigin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': syncProtocolHeader },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('X-OA-Protocol');
    const response = await fetch(`${world.server.url}/shop`, { headers: { Origin: shopOrigin, [syncProtocolHeader]: String(syncProtocolVersion) } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(shopOrigin);
    expect(await response.json()).toEqual({ delivery: { fee: 25, freeFrom: 1000 } });
  });

  it.each([
    ['charges ₹25 below ₹1,000 (₹900: free under the default rule)', 'o-two-kits', 2, 900, 25],
    ['delivers free from ₹1,000', 'o-three-kits', 3, 1350, 0],
  ])('prices a shopper\'s order with it: %s', async (_label, id, quantity, subtotal, fee) => {
    const { server, alice } = world;
    const answer = await pushRows(server, 'orders', creates({ id, items: [{ productId: kit, quantity }], shippingAddress: address, paymentMethod: 'cod', shippingFee: 0 }), alice.accessToken);
    expect(answer.body).toEqual({ conflicts: [], rejections: [] });
    const placed = (await pullAll(server, 'orders', { token: alice.accessToken })).replica.get(id)!;
    expect(placed).toMatchObject({ status: 'pending', subtotal, shippingFee: fee, total: subtotal + fee });
  });
});
