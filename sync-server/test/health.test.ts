/** GET /health over real HTTP: it answers with the database kind, and errors are JSON, never stacks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './http-server';

describe('GET /health', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers 200 with the database kind', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: server.storage.kind, streams: 0 });
  });

  it('answers an unknown path with a JSON 404', async () => {
    const response = await fetch(`${server.url}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it.each([
    ['/health', 200],
    ['/nowhere', 404],
    ['/sync/orders/pull', 401],
  ])('answers %s (%i) with the usual security headers', async (path, status) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    // An API's answer opened as a page runs nothing and is never framed.
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    await response.arrayBuffer();
  });

  it('refuses other methods with 405 and the allowed ones', async () => {
    const response = await fetch(`${server.url}/health`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')?.split(/,\s*/).sort()).toEqual(['GET', 'HEAD']);
  });

  it('answers 503 with a stable code, and no stack, when the database is gone', async () => {
    await server.storage.close();
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ error: { code: 'DATABASE_UNAVAILABLE', message: expect.any(String) } });
    // A client (or a proxy) is told when to try again, not left to hammer a struggling database.
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(body).not.toMatch(/at .*\.ts:\d+/);
  });
});
