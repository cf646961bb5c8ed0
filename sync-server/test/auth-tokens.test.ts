/**
 * Every access-token fault against a protected route, over real HTTP: each is a 401 with its
 * stable code, never anonymous access. Forged tokens are built by hand (node:crypto), so these
 * tests do not share the code they check.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeJwtPayload,
  registerCustomer,
  secretMarkers,
  signEd25519Jwt,
  signHs256Jwt,
  startAuthServer,
  unsignedJwt,
  type AuthTestServer,
} from './auth-server';

describe('access tokens on a protected route', () => {
  let server: AuthTestServer;
  let serverKey: KeyObject;
  let accessToken: string;
  let userId: string;
  /** The claims of a genuine token, for forging variations of it. */
  let genuine: Record<string, unknown>;
  const header = { alg: 'EdDSA', typ: 'at+jwt' };

  beforeAll(async () => {
    server = await startAuthServer();
    serverKey = createPrivateKey(server.signingKeyPem());
    const registered = await registerCustomer(server, 'tokens@example.com');
    accessToken = registered.accessToken;
    userId = registered.user.id;
    genuine = decodeJwtPayload(accessToken);
  });
  afterAll(async () => {
    await server.close();
  });

  const whoami = (authorization?: string) =>
    server.request('/whoami', { headers: authorization === undefined ? {} : { authorization } });

  async function expect401(authorization: string, code: string): Promise<void> {
    const reply = await whoami(authorization);
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ error: { code, message: expect.any(String) } });
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer/);
  }

  it('treats a request without an Authorization header as anonymous', async () => {
    const reply = await whoami();
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ caller: { role: 'anonymous' }, sessionId: null });
  });

  it('accepts a genuine token and names the caller and the session', async () => {
    const reply = await whoami(`Bearer ${accessToken}`);
    expect(reply.json).toEqual({ caller: { role: 'customer', id: userId }, sessionId: genuine.sid });
  });

  it('accepts the scheme name in any case', async () => {
    expect((await whoami(`bearer ${accessToken}`)).status).toBe(200);
  });

  it('refuses "Bearer" with no token, an empty header and another scheme with TOKEN_MISSING', async () => {
    await expect401('Bearer', 'TOKEN_MISSING');
    await expect401('Bearer    ', 'TOKEN_MISSING');
    await expect401('', 'TOKEN_MISSING');
    await expect401(`Basic ${Buffer.from('a:b').toString('base64')}`, 'TOKEN_MISSING');
  });

  it('refuses a token that is not a JWT', async () => {
    await expect401('Bearer not.a.jwt', 'TOKEN_INVALID');
    await expect401('Bearer abc', 'TOKEN_INVALID');
    await expect401(`Bearer ${'a'.repeat(5000)}`, 'TOKEN_INVALID');
  });

  it('refuses an unsigned token (alg: none)', async () => {
    await expect401(`Bearer ${unsignedJwt(genuine)}`, 'TOKEN_INVALID');
  });

  it('refuses a token signed with another Ed25519 key', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    await expect401(`Bearer ${signEd25519Jwt(header, genuine, privateKey)}`, 'TOKEN_INVALID');
  });

  it('refuses an HS256 token keyed with the server public key (algorithm confusion)', async () => {
    const publicKey = createPublicKey(serverKey);
    const pem = publicKey.export({ type: 'spki', format: 'pem' });
    const der = publicKey.export({ type: 'spki', format: 'der' });
    await expect401(`Bearer ${signHs256Jwt(genuine, pem)}`, 'TOKEN_INVALID');
    await expect401(`Bearer ${signHs256Jwt(genuine, der)}`, 'TOKEN_INVALID');
  });

  it('refuses a genuine signature over the wrong audience or issuer', async () => {
    await expect401(`Bearer ${signEd25519Jwt(header, { ...genuine, aud: 'another-app' }, serverKey)}`, 'TOKEN_INVALID');
    await expect401(`Bearer ${signEd25519Jwt(header, { ...genuine, iss: 'someone-else' }, serverKey)}`, 'TOKEN_INVALID');
  });

  it('refuses a genuine signature over another token type (not at+jwt)', async () => {
    await expect401(`Bearer ${signEd25519Jwt({ alg: 'EdDSA', typ: 'JWT' }, genuine, serverKey)}`, 'TOKEN_INVALID');
  });

  it('refuses a token whose payload was changed after signing (role raised to admin)', async () => {
    const [head, , signature] = accessToken.split('.');
    const raised = Buffer.from(JSON.stringify({ ...genuine, role: 'admin' })).toString('base64url');
    await expect401(`Bearer ${head}.${raised}.${signature}`, 'TOKEN_INVALID');
  });

  it('refuses genuinely signed tokens with claims of the wrong kind', async () => {
    await expect401(`Bearer ${signEd25519Jwt(header, { ...genuine, role: 'superuser' }, serverKey)}`, 'TOKEN_INVALID');
    await expect401(`Bearer ${signEd25519Jwt(header, { ...genuine, sub: 42 }, serverKey)}`, 'TOKEN_INVALID');
    const { sid: _sid, ...withoutSession } = genuine;
    await expect401(`Bearer ${signEd25519Jwt(header, withoutSession, serverKey)}`, 'TOKEN_INVALID');
    const { exp: _exp, ...withoutExpiry } = genuine;
    await expect401(`Bearer ${signEd25519Jwt(header, withoutExpiry, serverKey)}`, 'TOKEN_INVALID');
  });

  it('refuses a genuine token naming a session that does not exist with SESSION_ENDED', async () => {
    await expect401(`Bearer ${signEd25519Jwt(header, { ...genuine, sid: randomUUID() }, serverKey)}`, 'SESSION_ENDED');
  });

  it("refuses a genuine token whose subject is not its session's account", async () => {
    await expect401(`Bearer ${signEd25519Jwt(header, { ...genuine, sub: randomUUID() }, serverKey)}`, 'TOKEN_INVALID');
  });

  it('refuses an expired token with TOKEN_EXPIRED, and a forged expired one as invalid', async () => {
    const past = Math.floor(server.now().getTime() / 1000) - 60;
    await expect401(`Bearer ${signEd25519Jwt(header, { ...genuine, iat: past - 900, exp: past }, serverKey)}`, 'TOKEN_EXPIRED');
    const { privateKey } = generateKeyPairSync('ed25519');
    await expect401(`Bearer ${signEd25519Jwt(header, { ...genuine, iat: past - 900, exp: past }, privateKey)}`, 'TOKEN_INVALID');
  });

  it('verifies a token for the stream with its expiry', async () => {
    const verified = await server.auth.verifyAccessToken(accessToken);
    expect(verified).toEqual({ caller: { role: 'customer', id: userId }, sessionId: genuine.sid, expiresAt: new Date((genuine.exp as number) * 1000) });
    await expect(server.auth.verifyAccessToken('garbage')).rejects.toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
  });

  it('refuses a genuine token once the server clock passes its expiry', async () => {
    const fresh = await registerCustomer(server, 'expiring@example.com');
    server.advanceClock(server.config.jwt.accessTtlSeconds + 1);
    await expect401(`Bearer ${fresh.accessToken}`, 'TOKEN_EXPIRED');
  });

  it('never answered with a 500 or sent a secret in any response body', () => {
    expect(server.errors).toEqual([]);
    for (const body of server.bodies) {
      for (const marker of secretMarkers) expect(body).not.toContain(marker);
    }
  });
});
