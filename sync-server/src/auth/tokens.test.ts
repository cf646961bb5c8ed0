/** Access tokens: the claims they carry, and verification against the clock it is given. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toSigningKey } from './signing-key';
import { createAccessTokens } from './tokens';

const pem = String(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
const key = toSigningKey(pem, 'test');
const decode = (token: string, part: 0 | 1) => JSON.parse(Buffer.from(token.split('.')[part]!, 'base64url').toString('utf8'));

describe('access tokens', () => {
  let at = new Date('2026-05-01T10:00:00.000Z');
  const tokens = createAccessTokens({ key, issuer: 'oa-test', audience: 'oa-apps', ttlSeconds: 900, now: () => at });

  it('carry sub, role, sid, iss, aud, iat, exp and a jti, in an EdDSA at+jwt', async () => {
    const { token, expiresAt } = await tokens.sign({ sub: 'user-1', role: 'customer', sid: 'session-1' });
    expect(decode(token, 0)).toEqual({ alg: 'EdDSA', typ: 'at+jwt' });
    const iat = at.getTime() / 1000;
    expect(decode(token, 1)).toEqual({ sub: 'user-1', role: 'customer', sid: 'session-1', iss: 'oa-test', aud: 'oa-apps', iat, exp: iat + 900, jti: expect.any(String) });
    expect(expiresAt).toEqual(new Date(at.getTime() + 900_000));
  });

  it('give each token its own jti', async () => {
    const a = await tokens.sign({ sub: 'u', role: 'admin', sid: 's' });
    const b = await tokens.sign({ sub: 'u', role: 'admin', sid: 's' });
    expect(decode(a.token, 1).jti).not.toBe(decode(b.token, 1).jti);
  });

  it('verify until the expiry and not at it', async () => {
    at = new Date('2026-05-01T10:00:00.000Z');
    const { token } = await tokens.sign({ sub: 'admin-1', role: 'admin', sid: 'session-2' });
    at = new Date('2026-05-01T10:14:59.000Z');
    expect(await tokens.verify(token)).toEqual({ caller: { role: 'admin', id: 'admin-1' }, sessionId: 'session-2', expiresAt: new Date('2026-05-01T10:15:00.000Z') });
    at = new Date('2026-05-01T10:15:00.000Z');
    await expect(tokens.verify(token)).rejects.toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
  });

  it('still refuse a verified token once it expires, and never accept a copy with its signature changed', async () => {
    at = new Date('2026-05-01T10:00:00.000Z');
    const { token } = await tokens.sign({ sub: 'user-9', role: 'customer', sid: 'session-9' });
    const first = await tokens.verify(token);
    expect(await tokens.verify(token)).toEqual(first);
    // The same header and claims with one signature character changed: verified in full, refused.
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const altered = `${header}.${payload}.${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    await expect(tokens.verify(altered)).rejects.toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
    at = new Date('2026-05-01T10:15:00.000Z');
    await expect(tokens.verify(token)).rejects.toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
    at = new Date('2026-05-01T10:00:01.000Z');
    // Gone from what was verified: a clock that went back verifies it in full again.
    expect(await tokens.verify(token)).toEqual(first);
  });

  it('refuse a correctly signed token issued in the future or living longer than this server issues them for', async () => {
    at = new Date('2026-05-01T10:00:00.000Z');
    const ahead = createAccessTokens({ key, issuer: 'oa-test', audience: 'oa-apps', ttlSeconds: 900, now: () => new Date(at.getTime() + 5 * 60_000) });
    await expect(tokens.verify((await ahead.sign({ sub: 'u', role: 'customer', sid: 's' })).token)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    const longLived = createAccessTokens({ key, issuer: 'oa-test', audience: 'oa-apps', ttlSeconds: 7200, now: () => at });
    await expect(tokens.verify((await longLived.sign({ sub: 'u', role: 'customer', sid: 's' })).token)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    // Within the clock skew allowed between processes: accepted.
    const slightlyAhead = createAccessTokens({ key, issuer: 'oa-test', audience: 'oa-apps', ttlSeconds: 900, now: () => new Date(at.getTime() + 30_000) });
    expect(await tokens.verify((await slightlyAhead.sign({ sub: 'u', role: 'customer', sid: 's' })).token)).toMatchObject({ caller: { id: 'u' } });
  });

  it('refuse a token for another audience or issuer', async () => {
    at = new Date('2026-05-01T10:00:00.000Z');
    const other = createAccessTokens({ key, issuer: 'oa-test', audience: 'other-app', ttlSeconds: 900, now: () => at });
    const { token } = await other.sign({ sub: 'u', role: 'customer', sid: 's' });
    await expect(tokens.verify(token)).rejects.toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
    const foreign = createAccessTokens({ key, issuer: 'someone', audience: 'oa-apps', ttlSeconds: 900, now: () => at });
    await expect(tokens.verify((await foreign.sign({ sub: 'u', role: 'customer', sid: 's' })).token)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });
});
