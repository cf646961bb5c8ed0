/**
 * The server's log lines, read back as a log collector reads them (JSON, from an injected
 * destination): a request id and the matched route on every request's line, the caller's own id
 * kept only when plain, refusals as warnings, a failure's error once, and never a token, a
 * password or a hash, whatever the requests carried.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logging/create-logger';
import { StorageError } from '../src/storage/errors';
import type { Storage } from '../src/storage/port';
import { adminPassword, creates, postJson, pullAll, pushRows, register, signInAdmin, startTestServer, type TestServer } from './http-server';
import { openStream } from './sse-client';

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly reqId?: string;
  readonly route?: string;
  readonly method?: string;
  readonly status?: number;
  readonly code?: string;
  readonly err?: { readonly message: string };
  readonly cause?: string;
}

const warn = 40;
const error = 50;

async function startLoggedServer(env: Record<string, string> = {}): Promise<{ server: TestServer; lines: () => LogLine[]; text: () => string }> {
  const written: string[] = [];
  const logger = await createLogger({ level: 'trace', format: 'json', destination: { write: (line: string) => void written.push(line) } });
  const server = await startTestServer({ logger, env });
  return { server, lines: () => written.map((line) => JSON.parse(line) as LogLine), text: () => written.join('') };
}

/** The access line of each request, as "METHOD route status". */
const accessLines = (lines: readonly LogLine[]): string[] => lines.filter((line) => line.route).map((line) => `${line.method} ${line.route} ${line.status}`);

describe('request logs', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });

  it('carries a request id and the route on every line, and never a token, a password or a hash', async () => {
    const { server, lines, text } = await startLoggedServer();
    servers.push(server);
    const shopperPassword = 'a long enough password';
    const shopper = await register(server, 'logged@example.com');
    const admin = await signInAdmin(server);
    const pushed = await pushRows(server, 'cart_items', creates({ id: 'ci-logged', cartId: 'cart-logged', productId: 'demo-product-1', quantity: 2 }), shopper.accessToken);
    expect(pushed.body.rejections).toEqual([]);
    await pullAll(server, 'cart_items', { token: shopper.accessToken });
    const refreshed = await postJson(`${server.url}/auth/refresh`, { refreshToken: shopper.refreshToken });
    const { accessToken: refreshedToken } = (await refreshed.json()) as { accessToken: string };
    const wrongPassword = 'not the password at all';
    expect((await postJson(`${server.url}/auth/login`, { email: 'logged@example.com', password: wrongPassword })).status).toBe(401);

    expect(accessLines(lines())).toEqual([
      'POST /auth/register 201',
      'POST /auth/admin/login 200',
      'POST /sync/:collection/push 200',
      'GET /sync/:collection/pull 200',
      'GET /sync/:collection/pull 200',
      'POST /auth/refresh 200',
      'POST /auth/login 401',
    ]);
    for (const line of lines()) expect(line.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(lines().map((line) => line.reqId)).size).toBe(lines().length);
    // Routes as patterns: no collection name, id or query string from a URL.
    expect(text()).not.toMatch(/cart_items|checkpoint=|ci-logged/);
    for (const secret of [shopper.accessToken, shopper.refreshToken, refreshedToken, admin.accessToken, admin.refreshToken, shopperPassword, wrongPassword, adminPassword]) {
      expect(text()).not.toContain(secret);
    }
    expect(text()).not.toMatch(/Bearer|authorization|scrypt\$|sha256\$/i);
  });

  it('answers with the caller’s request id when it is short and plain, and with a new one otherwise', async () => {
    const { server, lines } = await startLoggedServer();
    servers.push(server);
    const kept = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'edge-7f3a:42' } });
    expect(kept.headers.get('x-request-id')).toBe('edge-7f3a:42');
    const tooLong = 'x'.repeat(65);
    const replaced = await fetch(`${server.url}/health`, { headers: { 'x-request-id': tooLong } });
    const fresh = replaced.headers.get('x-request-id');
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines().map((line) => line.reqId)).toEqual(['edge-7f3a:42', fresh]);
  });

  it('logs a refused live stream as a warning with its code, not as an error', async () => {
    const { server, lines } = await startLoggedServer({ MAX_STREAMS: '1' });
    servers.push(server);
    const first = await openStream(`${server.url}/sync/stream?collections=products`);
    await first.next((event) => event === 'RESYNC');
    const second = await openStream(`${server.url}/sync/stream?collections=products`);
    expect(second.status).toBe(503);
    first.close();
    const refusal = lines().find((line) => line.status === 503);
    expect(refusal).toMatchObject({ level: warn, route: '/sync/stream', code: 'TOO_MANY_STREAMS' });
    expect(lines().filter((line) => line.level >= error)).toEqual([]);
  });

  it('logs an unreachable database as a warning saying why, without a stack, under the request’s id', async () => {
    const { server, lines } = await startLoggedServer();
    servers.push(server);
    (server.storage as { -readonly [K in keyof Storage]: Storage[K] }).latestCheckpoint = async () => {
      throw new StorageError('UNAVAILABLE', 'no primary within 5000 ms');
    };
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(503);
    const id = response.headers.get('x-request-id');
    expect(lines().filter((line) => line.level >= error)).toEqual([]);
    expect(lines()).toEqual([
      expect.objectContaining({ level: warn, reqId: id, msg: 'unavailable: DATABASE_UNAVAILABLE', cause: 'no primary within 5000 ms' }),
      expect.objectContaining({ level: warn, reqId: id, route: '/health', status: 503, code: 'DATABASE_UNAVAILABLE' }),
    ]);
    expect(JSON.stringify(lines())).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('logs a failing request’s error once, at error level, under the request’s id', async () => {
    const { server, lines } = await startLoggedServer();
    servers.push(server);
    // The storage the app holds, made to fail the one call /health makes.
    (server.storage as { -readonly [K in keyof Storage]: Storage[K] }).latestCheckpoint = async () => {
      throw new Error('the disk is on fire');
    };
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong on the server' } });
    const id = response.headers.get('x-request-id');
    const errors = lines().filter((line) => line.level >= error);
    expect(errors).toEqual([expect.objectContaining({ reqId: id, msg: 'request failed' })]);
    expect(JSON.stringify(errors[0]!.err)).toContain('the disk is on fire');
    expect(lines().find((line) => line.route)).toMatchObject({ reqId: id, level: warn, status: 500, code: 'INTERNAL' });
  });
});
