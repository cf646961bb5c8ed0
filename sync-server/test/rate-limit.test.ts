/**
 * Attempts at the password routes are limited per client address, with a 429 and Retry-After,
 * before any hashing, however the path is written: the router serves a path in any case and
 * with a trailing slash, and the limit is part of each route, so every spelling it serves counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './http-server';

const limit = 3;

/** Each limited route, a body it reads, and how the router also serves its path. */
const routes = [
  { path: '/auth/login', body: { email: 'nobody@example.com', password: 'wrong password' } },
  { path: '/auth/admin/login', body: { email: 'nobody@example.com', password: 'wrong password' } },
  { path: '/auth/register', body: { email: 'not an email', password: 'x', name: '' } },
  { path: '/auth/refresh', body: { refreshToken: 'not a token' } },
  { path: '/admin/admins', body: { email: 'x@example.com', name: 'X', password: 'long enough password' } },
  { path: '/admin/admins/some-admin/password', body: { password: 'long enough password' } },
];
const spellings = (path: string): string[] => [path, path.toUpperCase(), `${path}/`, path.replace(/\/(\w)/g, (_, c: string) => `/${c.toUpperCase()}`)];

describe('the password routes’ attempt limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Behind a proxy, so each case can come from its own address (X-Forwarded-For).
    server = await startTestServer({ seed: false, env: { AUTH_RATE_LIMIT_PER_MINUTE: String(limit), TRUST_PROXY: 'true' } });
  });
  afterAll(() => server.close());

  const attempt = (path: string, body: unknown, from: string) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify(body) });

  it.each(routes.map((route, i) => [route.path, route.body, `198.51.100.${i + 1}`] as const))(
    'counts %s under every spelling the router serves',
    async (path, body, from) => {
      const [first, ...others] = spellings(path);
      const served: number[] = [];
      // Up to the limit, each spelling served (never 404) and counted.
      for (const spelling of [first!, ...others].slice(0, limit)) served.push((await attempt(spelling, body, from)).status);
      for (const status of served) expect([404, 429]).not.toContain(status);
      const over = await attempt(others.at(-1)!, body, from);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await over.json()).toEqual({ error: { code: 'TOO_MANY_REQUESTS', message: expect.any(String) } });
    },
  );

  it('counts the address the proxy saw, not one a client wrote in front of it in X-Forwarded-For', async () => {
    // The proxy appends the address it saw; a client may send any header of its own first. A
    // guesser rotating made-up first entries is still one address, and is stopped.
    for (let i = 0; i < limit; i++) expect((await attempt('/auth/login', routes[0]!.body, `10.0.0.${i}, 203.0.113.77`)).status).toBe(401);
    expect((await attempt('/auth/login', routes[0]!.body, '10.0.0.250, 203.0.113.77')).status).toBe(429);
  });

  it('counts each address on its own, and leaves other routes alone', async () => {
    for (let i = 0; i < limit; i++) expect((await attempt('/auth/login', routes[0]!.body, '203.0.113.9')).status).toBe(401);
    expect((await attempt('/AUTH/LOGIN/', routes[0]!.body, '203.0.113.9')).status).toBe(429);
    expect((await attempt('/auth/login', routes[0]!.body, '203.0.113.10')).status).toBe(401);
    expect((await fetch(`${server.url}/health`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(200);
  });
});
