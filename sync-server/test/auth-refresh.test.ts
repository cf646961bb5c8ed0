/**
 * Refresh-token rotation, reuse detection and logout over real HTTP on a real SQLite file:
 * a used token ends its whole session, a forged one ends nothing, and a signed-out session
 * refuses both its access and its refresh token.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCustomer, secretMarkers, startAuthServer, type AuthTestServer } from './auth-server';

describe('refresh tokens and logout', () => {
  let server: AuthTestServer;
  let count = 0;
  beforeAll(async () => {
    server = await startAuthServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const refresh = (refreshToken: unknown) => server.request('/auth/refresh', { method: 'POST', body: { refreshToken } });
  const whoami = (token: string) => server.request('/whoami', { token });
  const signUp = () => registerCustomer(server, `refresh-${(count += 1)}@example.com`);

  it('rotates: a refresh answers a new pair, and the new access token works', async () => {
    const first = await signUp();
    const reply = await refresh(first.refreshToken);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.json).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String) });
    expect(reply.json.refreshToken).not.toBe(first.refreshToken);
    const [sessionId, generation] = reply.json.refreshToken.split('.');
    expect(sessionId).toBe(first.refreshToken.split('.')[0]);
    expect(generation).toBe('1');
    expect((await whoami(reply.json.accessToken)).json.caller).toEqual({ role: 'customer', id: first.user.id });
    const [row] = await server.storage.readByIds('sessions', [sessionId]);
    expect(row?.doc).toMatchObject({ generation: 1, usedRefreshTokenHashes: [expect.stringMatching(/^sha256\$/)] });
  });

  it('ends the whole session when a used token comes back: 401 REFRESH_TOKEN_REUSED, and the newest tokens stop working', async () => {
    const first = await signUp();
    const second = (await refresh(first.refreshToken)).json;
    const third = (await refresh(second.refreshToken)).json;

    const replay = await refresh(first.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.json.error.code).toBe('REFRESH_TOKEN_REUSED');

    expect((await refresh(third.refreshToken)).json.error.code).toBe('INVALID_REFRESH_TOKEN');
    expect((await whoami(third.accessToken)).json.error.code).toBe('SESSION_ENDED');
    const [row] = await server.storage.readByIds('sessions', [first.refreshToken.split('.')[0]!]);
    expect(row?.doc).toMatchObject({ _deleted: true, revokedAt: expect.any(String) });
  });

  it('lets exactly one of two simultaneous refreshes with one token succeed', async () => {
    const first = await signUp();
    const replies = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 401]);
    expect(replies.find((r) => r.status === 401)?.json.error.code).toBe('REFRESH_TOKEN_REUSED');
  });

  it('refuses a forged token naming a real session without ending that session', async () => {
    const first = await signUp();
    const [sessionId] = first.refreshToken.split('.');
    for (const forged of [`${sessionId}.0.${randomBytes(32).toString('base64url')}`, `${sessionId}.7.${randomBytes(32).toString('base64url')}`]) {
      const reply = await refresh(forged);
      expect(reply.status).toBe(401);
      expect(reply.json.error.code).toBe('INVALID_REFRESH_TOKEN');
    }
    expect((await whoami(first.accessToken)).status).toBe(200);
    expect((await refresh(first.refreshToken)).status).toBe(200);
  });

  it('refuses malformed refresh tokens with 401 INVALID_REFRESH_TOKEN and a non-string with 400', async () => {
    for (const token of ['garbage', 'a.b.c', '..', `nosuchsession.0.${randomBytes(32).toString('base64url')}`]) {
      expect((await refresh(token)).json.error.code).toBe('INVALID_REFRESH_TOKEN');
    }
    expect((await refresh(42)).status).toBe(400);
    expect((await server.request('/auth/refresh', { method: 'POST', body: { refreshToken: 'x', extra: 1 } })).status).toBe(400);
  });

  it('refuses to refresh for an account that was deactivated', async () => {
    const first = await signUp();
    const [row] = await server.storage.readByIds('users', [first.user.id]);
    await server.storage.write('users', [{ id: first.user.id, expectedSeq: row!.seq, doc: { ...row!.doc, isActive: false } }]);
    expect((await refresh(first.refreshToken)).json.error.code).toBe('INVALID_REFRESH_TOKEN');
  });

  it('logs out: 204, then the access token gets SESSION_ENDED and the refresh token is refused', async () => {
    const first = await signUp();
    const reply = await server.request('/auth/logout', { method: 'POST', token: first.accessToken });
    expect(reply.status).toBe(204);
    expect((await whoami(first.accessToken)).json.error.code).toBe('SESSION_ENDED');
    expect((await refresh(first.refreshToken)).json.error.code).toBe('INVALID_REFRESH_TOKEN');
    const [row] = await server.storage.readByIds('sessions', [first.refreshToken.split('.')[0]!]);
    expect(row?.doc).toMatchObject({ _deleted: true, revokedAt: expect.any(String) });
  });

  it('ends only the session that logs out, not the same account on another device', async () => {
    const phone = await signUp();
    const laptop = (await server.request('/auth/login', { method: 'POST', body: { email: phone.user.email, password: 'correct horse battery' } })).json;
    await server.request('/auth/logout', { method: 'POST', token: phone.accessToken });
    expect((await whoami(laptop.accessToken)).status).toBe(200);
  });

  it('refuses logout without a token with 401 TOKEN_MISSING', async () => {
    const reply = await server.request('/auth/logout', { method: 'POST' });
    expect(reply.status).toBe(401);
    expect(reply.json.error.code).toBe('TOKEN_MISSING');
  });

  it('refuses the refresh token of a session that has expired', async () => {
    const first = await signUp();
    server.advanceClock(server.config.jwt.refreshTtlSeconds + 1);
    expect((await refresh(first.refreshToken)).json.error.code).toBe('INVALID_REFRESH_TOKEN');
  });

  it('never answered with a 500 or sent a secret in any response body', () => {
    expect(server.errors).toEqual([]);
    for (const body of server.bodies) {
      for (const marker of secretMarkers) expect(body).not.toContain(marker);
    }
  });
});
