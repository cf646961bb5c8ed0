/**
 * The /auth routes over real HTTP on a real SQLite file: registering, signing in as a customer
 * and as an admin, the one answer for wrong credentials, refused bodies, and no secret in any
 * response.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPasswordHasher, parseHash, type PasswordHasher } from '../src/auth/passwords';
import { ensureFirstAdmin } from '../src/auth/first-admin';
import { cheapPasswords, decodeJwtPayload, registerCustomer, secretMarkers, startAuthServer, type AuthTestServer } from './auth-server';

describe('the /auth routes', () => {
  let server: AuthTestServer;
  const verify = vi.fn<PasswordHasher['verify']>((password, stored) => cheapPasswords.verify(password, stored));
  const passwords: PasswordHasher = { ...cheapPasswords, verify };

  beforeAll(async () => {
    server = await startAuthServer({ passwords });
  });
  afterAll(async () => {
    await server.close();
  });

  const post = (path: string, body: unknown, headers?: Record<string, string>) => server.request(path, { method: 'POST', body, headers });

  it('registers a customer with a lowercased, trimmed email and answers 201 with both tokens and the user', async () => {
    const reply = await post('/auth/register', { email: '  Asha@Example.COM ', password: 'a good password', name: ' Asha ' }, { 'user-agent': 'TestPhone/1.0' });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.json).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      user: expect.objectContaining({ email: 'asha@example.com', name: 'Asha', isActive: true, addresses: [], _deleted: false }),
    });
    expect(reply.json.user).not.toHaveProperty('passwordHash');
    const claims = decodeJwtPayload(reply.json.accessToken);
    expect(claims).toMatchObject({ sub: reply.json.user.id, role: 'customer', iss: server.config.jwt.issuer, aud: server.config.jwt.audience });
    const whoami = await server.request('/whoami', { token: reply.json.accessToken });
    expect(whoami.json.caller).toEqual({ role: 'customer', id: reply.json.user.id });
  });

  it('stores the password only as a scrypt hash and the session with the device name', async () => {
    const { user, refreshToken } = await registerCustomer(server, 'stored@example.com', 'a stored password');
    const [row] = await server.storage.readByIds('users', [user.id]);
    expect(row?.doc.passwordHash).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(JSON.stringify(row?.doc)).not.toContain('a stored password');
    const [session] = await server.storage.readByIds('sessions', [refreshToken.split('.')[0]!]);
    expect(session?.doc).toMatchObject({ userId: user.id, role: 'customer', generation: 0, usedRefreshTokenHashes: [] });
    expect(session?.doc.refreshTokenHash).toMatch(/^sha256\$/);
    expect(JSON.stringify(session?.doc)).not.toContain(refreshToken.split('.')[2]);
  });

  it('refuses a second account with the same email, in any case, with 409 EMAIL_TAKEN', async () => {
    await registerCustomer(server, 'twice@example.com');
    const reply = await post('/auth/register', { email: 'TWICE@example.com', password: 'another password', name: 'Other' });
    expect(reply.status).toBe(409);
    expect(reply.json).toEqual({ error: { code: 'EMAIL_TAKEN', message: expect.any(String) } });
  });

  it('lets exactly one of two simultaneous registrations of one email through', async () => {
    const body = { email: 'race@example.com', password: 'a racing password', name: 'Racer' };
    const replies = await Promise.all([post('/auth/register', body), post('/auth/register', body)]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('refuses a password shorter than 8 characters and a missing name with 400 VALIDATION_FAILED', async () => {
    const short = await post('/auth/register', { email: 'short@example.com', password: 'seven77', name: 'S' });
    expect(short.status).toBe(400);
    expect(short.json.error.code).toBe('VALIDATION_FAILED');
    expect(short.json.error.message).toContain('password');
    const nameless = await post('/auth/register', { email: 'nameless@example.com', password: 'long enough' });
    expect(nameless.status).toBe(400);
    expect(nameless.json.error.message).toContain('name');
  });

  it('signs a customer in and answers 200 with a new session', async () => {
    const registered = await registerCustomer(server, 'login@example.com', 'the right password');
    const reply = await post('/auth/login', { email: 'Login@Example.com', password: 'the right password' });
    expect(reply.status).toBe(200);
    expect(reply.json.user).toEqual(registered.user);
    expect(reply.json.refreshToken.split('.')[0]).not.toBe(registered.refreshToken.split('.')[0]);
    expect((await server.request('/whoami', { token: reply.json.accessToken })).json.caller).toEqual({ role: 'customer', id: registered.user.id });
  });

  it('answers a wrong password and an unknown email with byte-identical 401 bodies, after checking a hash both times', async () => {
    await registerCustomer(server, 'known@example.com', 'the right password');
    verify.mockClear();
    const wrongPassword = await post('/auth/login', { email: 'known@example.com', password: 'the wrong password' });
    const unknownEmail = await post('/auth/login', { email: 'nobody@example.com', password: 'the wrong password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.json.error.code).toBe('INVALID_CREDENTIALS');
    expect(unknownEmail.text).toBe(wrongPassword.text);
    // The unknown email costs a full hash too, so timing does not tell the two apart.
    expect(verify).toHaveBeenCalledTimes(2);
    expect(parseHash(verify.mock.calls[1]![1])?.logN).toBe(10);
  });

  it('refuses a deactivated account with the same 401 as a wrong password', async () => {
    const { user } = await registerCustomer(server, 'inactive@example.com', 'the right password');
    const [row] = await server.storage.readByIds('users', [user.id]);
    await server.storage.write('users', [{ id: user.id, expectedSeq: row!.seq, doc: { ...row!.doc, isActive: false } }]);
    const inactive = await post('/auth/login', { email: 'inactive@example.com', password: 'the right password' });
    const wrong = await post('/auth/login', { email: 'inactive@example.com', password: 'not the password' });
    expect(inactive.status).toBe(401);
    expect(inactive.text).toBe(wrong.text);
  });

  it('does not let a customer sign in through the admin door', async () => {
    await registerCustomer(server, 'not-admin@example.com', 'the right password');
    const reply = await post('/auth/admin/login', { email: 'not-admin@example.com', password: 'the right password' });
    expect(reply.status).toBe(401);
    expect(reply.json.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('signs an admin in and answers 200 with the admin, its role in the token, and the login time', async () => {
    await ensureFirstAdmin({ storage: server.storage, passwords: cheapPasswords, email: 'boss@example.com', password: 'an admin password', log: () => {} });
    const reply = await post('/auth/admin/login', { email: 'boss@example.com', password: 'an admin password' });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      admin: expect.objectContaining({ email: 'boss@example.com', role: 'admin', isActive: true, lastLoginAt: expect.any(String) }),
    });
    expect(reply.json).not.toHaveProperty('user');
    const whoami = await server.request('/whoami', { token: reply.json.accessToken });
    expect(whoami.json.caller).toEqual({ role: 'admin', id: reply.json.admin.id });
  });

  it('rehashes a password made with other parameters at the next successful login', async () => {
    const weaker = createPasswordHasher({ logN: 9, r: 8, p: 1 });
    const id = randomUUID();
    const at = new Date().toISOString();
    await server.storage.write('users', [
      {
        id,
        expectedSeq: null,
        doc: { id, _deleted: false, createdAt: at, updatedAt: at, email: 'old@example.com', name: 'Old', addresses: [], passwordHash: await weaker.hash('an old password'), isActive: true },
      },
    ]);
    expect((await post('/auth/login', { email: 'old@example.com', password: 'an old password' })).status).toBe(200);
    const [row] = await server.storage.readByIds('users', [id]);
    expect(parseHash(row!.doc.passwordHash as string)).toMatchObject({ logN: 10, r: 8, p: 1 });
    expect((await post('/auth/login', { email: 'old@example.com', password: 'an old password' })).status).toBe(200);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const reply = await post('/auth/login', '{"email": "a@b.c",');
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe('MALFORMED_JSON');
  });

  it('refuses unknown keys in a body with 400 VALIDATION_FAILED naming them', async () => {
    const reply = await post('/auth/register', { email: 'extra@example.com', password: 'long enough', name: 'X', role: 'admin' });
    expect(reply.status).toBe(400);
    expect(reply.json.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining('role') });
    expect(await server.storage.findOne('users', { email: 'extra@example.com' })).toBeUndefined();
  });

  it('refuses a body that is not an object, or sent as another media type', async () => {
    expect((await post('/auth/login', '"just a string"')).json.error.code).toBe('VALIDATION_FAILED');
    const form = await post('/auth/login', 'email=a', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(form.json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const reply = await post('/auth/login', { email: 'big@example.com', password: 'x'.repeat(20_000) });
    expect(reply.status).toBe(413);
    expect(reply.json.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a wrong method on an auth path with a JSON 405', async () => {
    const reply = await server.request('/auth/login');
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('POST');
    expect(reply.json.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('never answered with a 500 or sent a secret in any response body', () => {
    expect(server.errors).toEqual([]);
    expect(server.bodies.length).toBeGreaterThan(20);
    for (const body of server.bodies) {
      for (const marker of secretMarkers) expect(body).not.toContain(marker);
    }
  });
});
