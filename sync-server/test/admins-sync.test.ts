/**
 * The admins collection through real pull and push: nobody removes themselves, the last active
 * admin stays (even when two admins remove each other at once), and a deactivated or deleted
 * admin's sessions end at once: requests, refresh and the live stream all stop.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStream } from './sse-client';
import { postJson, pullAll, pushRows, signInAdmin, startWorld, update, type Doc, type Session, type TestServer } from './http-server';

describe('admins replicated through sync', () => {
  let server: TestServer;
  let admin: Session;
  let alice: Session;
  let ravi: Session;
  beforeEach(async () => {
    ({ server, admin, alice } = await startWorld({ seed: false, env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } }));
    const created = await postJson(`${server.url}/admin/admins`, { email: 'ravi@example.com', name: 'Ravi', password: 'ravi password' }, admin.accessToken);
    expect(created.status).toBe(201);
    ravi = await signInAdmin(server, 'ravi@example.com', 'ravi password');
  });
  afterEach(() => server.close());

  const adminDoc = async (id: string, token = admin.accessToken): Promise<Doc> => (await pullAll(server, 'admins', { token })).replica.get(id)!;
  const status = async (token: string): Promise<number> => {
    const response = await fetch(`${server.url}/sync/admins/pull`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    return response.status;
  };

  it.each([
    ['deactivate', { isActive: false }],
    ['delete', { _deleted: true }],
  ])('refuses an admin who tries to %s themselves with CANNOT_CHANGE_SELF, answering with their stored state', async (_verb, changes) => {
    const self = await adminDoc(admin.id);
    const answer = await pushRows(server, 'admins', update(self, changes), admin.accessToken);
    expect(answer.body.rejections).toEqual([{ id: admin.id, code: 'CANNOT_CHANGE_SELF', message: expect.any(String) }]);
    expect(answer.body.conflicts).toEqual([expect.objectContaining({ id: admin.id, isActive: true, _deleted: false })]);
    expect(JSON.stringify(answer.body)).not.toContain('passwordHash');
    expect(await status(admin.accessToken)).toBe(200);
  });

  it('lets an admin rename themselves', async () => {
    const self = await adminDoc(admin.id);
    const answer = await pushRows(server, 'admins', update(self, { name: 'Head Admin' }), admin.accessToken);
    expect(answer.body).toEqual({ conflicts: [], rejections: [] });
    expect((await adminDoc(admin.id)).name).toBe('Head Admin');
  });

  it('ends every session of an admin deactivated by another: requests, refresh, sign-in and the live stream', async () => {
    const second = await signInAdmin(server, 'ravi@example.com', 'ravi password');
    const stream = await openStream(`${server.url}/sync/stream?collections=orders`, ravi.accessToken);
    await stream.next((event) => event === 'RESYNC');

    const answer = await pushRows(server, 'admins', update(await adminDoc(ravi.id), { isActive: false }), admin.accessToken);
    expect(answer.body).toEqual({ conflicts: [], rejections: [] });

    await stream.ended;
    for (const session of [ravi, second]) {
      expect(await status(session.accessToken)).toBe(401);
      expect((await postJson(`${server.url}/auth/refresh`, { refreshToken: session.refreshToken })).status).toBe(401);
    }
    await expect(signInAdmin(server, 'ravi@example.com', 'ravi password')).rejects.toThrow(/401/);
    expect(await status(admin.accessToken)).toBe(200);
    expect(server.hub.size).toBe(0);
  });

  it('ends the sessions of an admin deleted by another, and lets a reactivated admin sign in again', async () => {
    const answer = await pushRows(server, 'admins', update(await adminDoc(ravi.id), { _deleted: true }), admin.accessToken);
    expect(answer.body).toEqual({ conflicts: [], rejections: [] });
    expect(await status(ravi.accessToken)).toBe(401);

    const created = await postJson(`${server.url}/admin/admins`, { email: 'meena@example.com', name: 'Meena', password: 'meena password' }, admin.accessToken);
    const meena = ((await created.json()) as { admin: Doc }).admin;
    expect((await pushRows(server, 'admins', update(meena, { isActive: false }), admin.accessToken)).body.rejections).toEqual([]);
    const back = await pushRows(server, 'admins', update(await adminDoc(meena.id), { isActive: true }), admin.accessToken);
    expect(back.body).toEqual({ conflicts: [], rejections: [] });
    expect((await signInAdmin(server, 'meena@example.com', 'meena password')).id).toBe(meena.id);
  });

  it('shuts out an admin deactivated straight in the database, who can then remove nobody', async () => {
    // Ravi was deactivated straight in the shared database (the legacy backend does that) and
    // still holds a session: his account's state ends his access, so he cannot take the only
    // active admin away, invite admins or set passwords.
    const [row] = await server.storage.readByIds('admins', [ravi.id]);
    const first = await adminDoc(admin.id, ravi.accessToken);
    await server.storage.write('admins', [{ id: ravi.id, expectedSeq: row!.seq, doc: { ...row!.doc, isActive: false } }]);
    for (const changes of [{ isActive: false }, { _deleted: true }]) {
      const answer = await pushRows(server, 'admins', update(first, changes), ravi.accessToken);
      expect(answer.status).toBe(401);
    }
    expect(await status(admin.accessToken)).toBe(200);
    const invite = await postJson(`${server.url}/admin/admins`, { email: 'x@example.com', name: 'X', password: 'long enough!!' }, ravi.accessToken);
    expect(invite.status).toBe(401);
    expect(((await invite.json()) as { error: { code: string } }).error.code).toBe('SESSION_ENDED');
  });

  it('keeps an active admin when two admins remove each other at the same moment', async () => {
    const [mine, his] = [await adminDoc(ravi.id), await adminDoc(admin.id, ravi.accessToken)];
    const answers = await Promise.all([
      pushRows(server, 'admins', update(mine, { isActive: false }), admin.accessToken),
      pushRows(server, 'admins', update(his, { isActive: false }), ravi.accessToken),
    ]);
    const active = (await server.storage.findMany('admins', { isActive: true }, 10)).map((r) => r.doc.id);
    expect(active.length).toBeGreaterThanOrEqual(1);
    // Each push either went through or was refused (or its session had already ended): never both removals.
    // A conflict: the other's unit committed first and changed the admin this push started from.
    const outcomes = answers.map((a) => (a.status === 401 ? 'ended' : (a.body.rejections[0]?.code ?? (a.body.conflicts.length > 0 ? 'conflict' : 'written'))));
    expect(outcomes.filter((o) => o === 'written').length).toBeLessThanOrEqual(1);
    for (const outcome of outcomes) expect(['written', 'LAST_ACTIVE_ADMIN', 'ended', 'conflict']).toContain(outcome);
    // Whoever is still active is still signed in.
    for (const [session, id] of [[admin, admin.id], [ravi, ravi.id]] as const) {
      if (active.includes(id)) expect(await status(session.accessToken)).toBe(200);
    }
  });

  it('ends a removed admin’s access even when the process stopped before ending their sessions', async () => {
    // The removal committed, then the process died before the session sweep (written here as
    // the unit left it): the account's state alone must shut the admin out.
    const [stored] = await server.storage.readByIds('admins', [ravi.id]);
    const [result] = await server.storage.write('admins', [{ id: ravi.id, expectedSeq: stored!.seq, doc: { ...stored!.doc, isActive: false } }]);
    expect(result!.kind).toBe('written');
    expect(await status(ravi.accessToken)).toBe(401);
    expect(await status(admin.accessToken)).toBe(200);
  });

  it('still refuses admins to shoppers', async () => {
    const answer = await pushRows(server, 'admins', update(await adminDoc(ravi.id), { isActive: false }), alice.accessToken);
    expect(answer.body.rejections).toEqual([{ id: ravi.id, code: 'FORBIDDEN', message: expect.any(String) }]);
    expect(answer.body.conflicts).toEqual([{ id: ravi.id, _deleted: true, updatedAt: expect.any(String) }]);
  });
});
