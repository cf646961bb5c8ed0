/**
 * GET /metrics as Prometheus scrapes it: requests by route and status, push rows and rejections,
 * orders placed and rejected by code, open streams, the database's latency by operation and the
 * event loop's delay; each app counting alone; open, behind a bearer token, or absent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { creates, startTestServer, startWorld, pushRows, type TestServer } from './http-server';
import { openStream } from './sse-client';

const address = { name: 'Lakshmi', phone: '9876543210', line1: '12 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };

/** The value of one sample line ("name{labels} value"), or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function scrape(server: TestServer, token?: string): Promise<Response> {
  return fetch(`${server.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

describe('metrics', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });

  it('counts requests, pushed rows and rejections, orders, open streams and database calls, by label', async () => {
    const { server, alice } = await startWorld({ metrics: { kind: 'open' } });
    servers.push(server);
    const cart = await pushRows(
      server,
      'cart_items',
      [...creates({ id: 'ci-counted', cartId: 'cart-a', productId: 'demo-product-1', quantity: 1 }), { newDocumentState: 'not a row' }],
      alice.accessToken,
    );
    expect(cart.body.rejections.map((rejection) => rejection.code)).toEqual(['INVALID_ROW']);
    const order = (id: string, extra: Record<string, unknown>) =>
      pushRows(server, 'orders', creates({ id, items: [{ productId: 'demo-product-1', quantity: 1 }], shippingAddress: address, paymentMethod: 'cod', ...extra }), alice.accessToken);
    expect((await order('o-placed', {})).body.rejections).toEqual([]);
    expect((await order('o-online', { paymentMethod: 'online' })).body.rejections).toEqual([]);
    expect((await order('o-empty', { items: [] })).body.rejections.map((rejection) => rejection.code)).toEqual(['EMPTY_ORDER']);
    const stream = await openStream(`${server.url}/sync/stream?collections=products`);
    await stream.next((event) => event === 'RESYNC');

    const response = await scrape(server);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    stream.close();
    expect(sample(text, 'http_requests_total{method="POST",route="/sync/:collection/push",status="200"}')).toBe(4);
    expect(sample(text, 'http_request_duration_seconds_count{method="POST",route="/sync/:collection/push",status="200"}')).toBe(4);
    expect(sample(text, 'sync_push_rows_total{collection="cart_items"}')).toBe(2);
    expect(sample(text, 'sync_push_rejections_total{collection="cart_items",code="INVALID_ROW"}')).toBe(1);
    expect(sample(text, 'sync_push_rejections_total{collection="orders",code="EMPTY_ORDER"}')).toBe(1);
    expect(sample(text, 'sync_orders_placed_total')).toBe(1);
    // Stored as rejected (an order the shopper can read), or refused outright: both not placed.
    expect(sample(text, 'sync_orders_rejected_total{code="PAYMENT_METHOD_UNAVAILABLE"}')).toBe(1);
    expect(sample(text, 'sync_orders_rejected_total{code="EMPTY_ORDER"}')).toBe(1);
    expect(sample(text, 'sync_live_streams')).toBe(1);
    expect(sample(text, 'sync_database_operation_duration_seconds_count{operation="commit",outcome="ok"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'sync_database_operation_duration_seconds_count{operation="readByIds",outcome="ok"}')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    // Labels come from closed sets: never an id, an address or a raw path.
    expect(text).not.toMatch(/demo-product-1|ci-counted|o-placed|\/sync\/orders|\/sync\/cart_items/);
    expect(text).not.toContain(alice.id);
  });

  it('answers 401 without the configured bearer token and serves the metrics with it, counting only its own app', async () => {
    const token = 'scrape-token-0123456789abcdef';
    const server = await startTestServer({ metrics: { kind: 'token', token }, seed: false });
    servers.push(server);
    const missing = await scrape(server);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await missing.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    expect((await scrape(server, `${token}x`)).status).toBe(401);
    expect((await scrape(server, token.slice(0, -1))).status).toBe(401);
    const served = await scrape(server, token);
    expect(served.status).toBe(200);
    const text = await served.text();
    expect(sample(text, 'http_requests_total{method="GET",route="/metrics",status="401"}')).toBe(3);
    expect(text).not.toMatch(/^sync_push_rows_total\{/m);
  });

  it('has no /metrics when metrics are off, nor without them', async () => {
    const off = await startTestServer({ metrics: { kind: 'off' }, seed: false });
    servers.push(off);
    expect((await scrape(off)).status).toBe(404);
    const without = await startTestServer({ seed: false });
    servers.push(without);
    expect((await scrape(without)).status).toBe(404);
  });
});
