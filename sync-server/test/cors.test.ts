/** CORS over real HTTP: only the configured app origins get CORS headers; preflight answers 204. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './http-server';

const shop = 'http://shop.example:5174';

describe('CORS for the apps’ origins', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { CORS_ORIGINS: `${shop}, http://admin.example:5173` } });
  });
  afterAll(async () => server.close());

  it('gives an allowed origin its own origin back, never * and never credentials', async () => {
    const response = await fetch(`${server.url}/sync/products/pull?limit=1`, { headers: { Origin: shop } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(shop);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('puts the header on error answers too, so the app can read the code', async () => {
    const response = await fetch(`${server.url}/sync/orders/pull`, { headers: { Origin: shop } });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(shop);
  });

  it('gives any other origin no CORS headers', async () => {
    const response = await fetch(`${server.url}/health`, { headers: { Origin: 'http://evil.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight from an allowed origin with 204 and the allowed methods and headers', async () => {
    const response = await fetch(`${server.url}/sync/products/push`, {
      method: 'OPTIONS',
      headers: { Origin: shop, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(shop);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST,PUT,OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe('Authorization,Content-Type,X-OA-Protocol');
    expect(response.headers.get('access-control-max-age')).toBe('600');
  });

  it('gives a preflight from another origin nothing to go on', async () => {
    const response = await fetch(`${server.url}/sync/products/push`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
  });
});
