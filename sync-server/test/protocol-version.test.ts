/**
 * The protocol-version header over real HTTP: an app older than the server serves is told so
 * with 426 CLIENT_OUTDATED (its cue to update), on pulls, pushes, the stream and sign-in alike.
 */
import { syncProtocolHeader, syncProtocolVersion } from '@oa/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './http-server';

describe('the client protocol version', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  const get = (path: string, version?: string) =>
    fetch(`${server.url}${path}`, { headers: version === undefined ? {} : { [syncProtocolHeader]: version } });

  it('serves the current version, and a request without the header', async () => {
    expect((await get('/sync/products/pull?limit=1', String(syncProtocolVersion))).status).toBe(200);
    expect((await get('/sync/products/pull?limit=1')).status).toBe(200);
  });

  it.each(['/sync/products/pull?limit=1', '/sync/stream?collections=products', '/health'])('tells an outdated client to update on %s', async (path) => {
    const response = await get(path, String(syncProtocolVersion - 1));
    expect(response.status).toBe(426);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('CLIENT_OUTDATED');
  });

  it('tells an outdated client to update before checking its sign-in', async () => {
    const response = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [syncProtocolHeader]: '0' },
      body: JSON.stringify({ email: 'someone@example.com', password: 'whatever it is' }),
    });
    expect(response.status).toBe(426);
  });

  it('refuses a malformed version with 400 BAD_PROTOCOL_VERSION', async () => {
    const response = await get('/sync/products/pull', 'latest');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_PROTOCOL_VERSION');
  });

  it('serves only the versions from MIN_CLIENT_PROTOCOL on, when the operator raises it', async () => {
    const strict = await startTestServer({ env: { MIN_CLIENT_PROTOCOL: String(syncProtocolVersion + 1) } });
    try {
      const response = await fetch(`${strict.url}/sync/products/pull`, { headers: { [syncProtocolHeader]: String(syncProtocolVersion) } });
      expect(response.status).toBe(426);
    } finally {
      await strict.close();
    }
  });
});
