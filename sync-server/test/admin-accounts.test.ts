/**
 * POST /admin/admins and /admin/admins/:id/password over real HTTP on a real SQLite file: admins
 * create admins with a usable password and set passwords; a reset ends the other sessions; no
 * secret in any answer; shoppers, strangers and junk get stable codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, signInAdmin, startTestServer, startWorld, type Session, type TestServer } from './http-server';

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json: any;
}

async function post(server: TestServer, path: string, body: unknown, token?: string): Promise<Answer> {
  const response = await postJson(`${server.url}${path}`, body, token);
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : undefined };
}

/** Any authenticated request: pull the admins collection (200 while the session lives). */
async function pullStatus(server: TestServer, token: string): Promise<number> {
  const response = await fetch(`${server.url}/sync/admins/pull`, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  return response.status;
}

describe('admins managing admins over HTTP', () => {
  let server: TestServer;
  let admin: Session;
  let alice: Session;
  // Every request here comes from one IP: the limit is raised so only the limit test meets it.
  beforeAll(async () => ({ server, admin, alice } = await startWorld({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } })));
  afterAll(() => server.close());

  const createAdmin = (body: unknown, token = admin.accessToken) => post(server, '/admin/admins', body, token);
  const setPassword = (id: string, body: unknown, token = admin.accessToken) => post(server, `/admin/admins/${id}/password`, body, token);

  it('creates an active admin with a trimmed, lowercased email who can sign in at once, and answers without secrets', async () => {
    const created = await createAdmin({ email: '  Ravi@Example.COM ', name: ' Ravi ', password: 'ravi password 1' });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      admin: expect.objectContaining({ id: expect.any(String), email: 'ravi@example.com', name: 'Ravi', role: 'admin', isActive: true, _deleted: false }),
    });
    expect(created.text).not.toMatch(/passwordHash|scrypt\$/);
    const [stored] = await server.storage.readByIds('admins', [created.json.admin.id]);
    expect(stored?.doc.passwordHash).toMatch(/^scrypt\$/);
    const ravi = await signInAdmin(server, 'RAVI@example.com', 'ravi password 1');
    expect(ravi.id).toBe(created.json.admin.id);
  });

  it('refuses an email another admin has, in any case, with 409 EMAIL_TAKEN', async () => {
    const again = await createAdmin({ email: 'RAVI@example.com', name: 'Other Ravi', password: 'another password' });
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ error: { code: 'EMAIL_TAKEN', message: expect.any(String) } });
  });

  it('lets exactly one of two simultaneous invitations of one email through', async () => {
    const body = { email: 'twin@example.com', name: 'Twin', password: 'twin password' };
    const answers = await Promise.all([createAdmin(body), createAdmin(body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
  });

  it('refuses bad bodies with 400 VALIDATION_FAILED naming the field, and unknown fields too', async () => {
    const short = await createAdmin({ email: 'short@example.com', name: 'Short', password: 'seven77' });
    expect(short.status).toBe(400);
    expect(short.json.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining('password') });
    const noEmail = await createAdmin({ name: 'Nobody', password: 'long enough!!' });
    expect(noEmail.json.error.message).toContain('email');
    // A role or a hash is never taken from a client, not even an admin.
    const extra = await createAdmin({ email: 'extra@example.com', name: 'Extra', password: 'long enough!!', passwordHash: 'scrypt$x' });
    expect(extra.status).toBe(400);
    expect(extra.json.error.code).toBe('VALIDATION_FAILED');
    const notJson = await fetch(`${server.url}/admin/admins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('MALFORMED_JSON');
  });

  it('admits only admins: 401 without a token, 403 for a shopper, before reading the body', async () => {
    const anonymous = await createAdmin({ email: 'x@example.com', name: 'X', password: 'long enough!!' }, '');
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe('UNAUTHENTICATED');
    const shopper = await createAdmin({ email: 'x@example.com', name: 'X', password: 'long enough!!' }, alice.accessToken);
    expect(shopper.status).toBe(403);
    expect(shopper.json.error.code).toBe('FORBIDDEN');
    const shopperReset = await setPassword(admin.id, { password: 'taken over!!' }, alice.accessToken);
    expect(shopperReset.status).toBe(403);
    const badToken = await createAdmin({}, 'not-a-token');
    expect(badToken.status).toBe(401);
    expect(badToken.json.error.code).toBe('TOKEN_INVALID');
  });

  it("sets another admin's password and ends every one of that admin's sessions", async () => {
    const created = await createAdmin({ email: 'meena@example.com', name: 'Meena', password: 'meena first pass' });
    const id = created.json.admin.id as string;
    const [phone, laptop] = [await signInAdmin(server, 'meena@example.com', 'meena first pass'), await signInAdmin(server, 'meena@example.com', 'meena first pass')];
    expect(await pullStatus(server, phone.accessToken)).toBe(200);

    const reset = await setPassword(id, { password: 'meena second pass' });
    expect(reset.status).toBe(204);
    expect(reset.text).toBe('');
    // A stolen session cannot outlive the reset: its access token and its refresh token both stop.
    for (const session of [phone, laptop]) {
      const pulled = await fetch(`${server.url}/sync/admins/pull`, { headers: { authorization: `Bearer ${session.accessToken}` } });
      expect(pulled.status).toBe(401);
      expect(((await pulled.json()) as { error: { code: string } }).error.code).toBe('SESSION_ENDED');
      const refreshed = await post(server, '/auth/refresh', { refreshToken: session.refreshToken });
      expect(refreshed.status).toBe(401);
    }
    await expect(signInAdmin(server, 'meena@example.com', 'meena first pass')).rejects.toThrow(/401/);
    expect((await signInAdmin(server, 'meena@example.com', 'meena second pass')).id).toBe(id);
    // The admin who reset it is still signed in.
    expect(await pullStatus(server, admin.accessToken)).toBe(200);
  });

  it('sets one\'s own password only with the right current one, keeping the current session and ending the others', async () => {
    const created = await createAdmin({ email: 'self@example.com', name: 'Self', password: 'self first pass' });
    const id = created.json.admin.id as string;
    const here = await signInAdmin(server, 'self@example.com', 'self first pass');
    const elsewhere = await signInAdmin(server, 'self@example.com', 'self first pass');

    const missing = await setPassword(id, { password: 'self second pass' }, here.accessToken);
    expect(missing.status).toBe(400);
    expect(missing.json.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining('currentPassword') });
    const wrong = await setPassword(id, { password: 'self second pass', currentPassword: 'not my password' }, here.accessToken);
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('INVALID_CREDENTIALS');
    expect(await pullStatus(server, elsewhere.accessToken)).toBe(200);

    const changed = await setPassword(id, { password: 'self second pass', currentPassword: 'self first pass' }, here.accessToken);
    expect(changed.status).toBe(204);
    expect(await pullStatus(server, here.accessToken)).toBe(200);
    expect(await pullStatus(server, elsewhere.accessToken)).toBe(401);
    expect((await post(server, '/auth/refresh', { refreshToken: here.refreshToken })).status).toBe(200);
    expect((await signInAdmin(server, 'self@example.com', 'self second pass')).id).toBe(id);
  });

  it('does not ask for the current password when setting another admin\'s', async () => {
    const created = await createAdmin({ email: 'other@example.com', name: 'Other', password: 'other first pass' });
    const answer = await setPassword(created.json.admin.id, { password: 'other second pass' });
    expect(answer.status).toBe(204);
  });

  it('answers 404 NOT_FOUND for an unknown, malformed or deleted admin', async () => {
    expect((await setPassword('no-such-admin', { password: 'long enough!!' })).json.error.code).toBe('NOT_FOUND');
    const malformed = await setPassword('bad%20id!', { password: 'long enough!!' });
    expect(malformed.status).toBe(404);
    expect(malformed.json.error.code).toBe('NOT_FOUND');
    const created = await createAdmin({ email: 'gone@example.com', name: 'Gone', password: 'gone password' });
    const [row] = await server.storage.readByIds('admins', [created.json.admin.id]);
    await server.storage.write('admins', [{ id: row!.doc.id, expectedSeq: row!.seq, doc: { ...row!.doc, _deleted: true } }]);
    const deleted = await setPassword(row!.doc.id, { password: 'long enough!!' });
    expect(deleted.status).toBe(404);
    expect(deleted.json.error.code).toBe('NOT_FOUND');
  });

  it('gives an admin created through sync (who cannot sign in yet) a usable password', async () => {
    const id = 'synced-admin-1';
    const pushed = await postJson(
      `${server.url}/sync/admins/push`,
      [{ assumedMasterState: null, newDocumentState: { id, _deleted: false, email: 'synced@example.com', name: 'Synced', role: 'admin', isActive: true } }],
      admin.accessToken,
    );
    expect(await pushed.json()).toEqual({ conflicts: [], rejections: [] });
    await expect(signInAdmin(server, 'synced@example.com', 'unset$')).rejects.toThrow(/401/);
    expect((await setPassword(id, { password: 'synced password' })).status).toBe(204);
    expect((await signInAdmin(server, 'synced@example.com', 'synced password')).id).toBe(id);
  });
});

describe('the admin password routes and the rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: false, env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => server.close());

  it('counts them like sign-in: over the limit is 429 TOO_MANY_REQUESTS with Retry-After, before any hashing', async () => {
    const admin = await signInAdmin(server); // one attempt of the three
    const guess = (n: number) => post(server, `/admin/admins/${admin.id}/password`, { password: 'new password!', currentPassword: `guess ${n}` }, admin.accessToken);
    expect((await guess(1)).status).toBe(401);
    expect((await post(server, '/admin/admins', { email: 'a@example.com', name: 'A', password: 'long enough!!' }, admin.accessToken)).status).toBe(201);
    const limited = await fetch(`${server.url}/admin/admins/${admin.id}/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
      body: JSON.stringify({ password: 'new password!', currentPassword: 'guess 2' }),
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_REQUESTS');
  });
});
