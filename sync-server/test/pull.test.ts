/**
 * GET /sync/:collection/pull over real HTTP: who may pull what, visibility filtered in the
 * database, tombstones when a document leaves a reader's view, opaque checkpoints and paging.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullAll, pullOnce, pushRows, update, type Session, type TestServer, startWorld } from './http-server';

describe('pull', () => {
  let server: TestServer;
  let admin: Session;
  let alice: Session;
  let bob: Session;
  beforeAll(async () => ({ server, admin, alice, bob } = await startWorld()));
  afterAll(() => server.close());

  it('lets anyone browse the active catalogue without a token', async () => {
    const products = await pullAll(server, 'products');
    expect(products.replica.size).toBeGreaterThan(5);
    for (const doc of products.replica.values()) expect(doc.isActive).toBe(true);
    const categories = await pullAll(server, 'categories');
    expect(categories.replica.size).toBeGreaterThan(2);
    expect((await pullOnce(server, 'reviews')).status).toBe(200);
  });

  it.each([
    ['orders', undefined, 401, 'UNAUTHENTICATED'],
    ['carts', undefined, 401, 'UNAUTHENTICATED'],
    ['admins', 'customer', 403, 'FORBIDDEN'],
    ['carts', 'admin', 403, 'FORBIDDEN'],
    ['sessions', 'admin', 403, 'FORBIDDEN'],
    ['nonsense', undefined, 404, 'UNKNOWN_COLLECTION'],
  ] as const)('refuses %s to %s with %i', async (collection, who, status, code) => {
    const token = who === 'customer' ? alice.accessToken : who === 'admin' ? admin.accessToken : undefined;
    const answer = await pullOnce(server, collection, { token });
    expect(answer.status).toBe(status);
    expect(answer.body.error?.code).toBe(code);
  });

  it('gives a shopper only their own profile and sessions, never a secret', async () => {
    const users = await pullAll(server, 'users', { token: alice.accessToken });
    expect([...users.replica.keys()]).toEqual([alice.id]);
    const sessions = await pullAll(server, 'sessions', { token: alice.accessToken });
    expect(sessions.replica.size).toBe(1);
    const text = JSON.stringify([...users.documents, ...sessions.documents]);
    expect(text).not.toMatch(/passwordHash|refreshTokenHash|usedRefreshTokenHashes|scrypt\$|sha256\$/);
  });

  it('gives an admin every user, without password hashes', async () => {
    const users = await pullAll(server, 'users', { token: admin.accessToken });
    expect(users.replica.has(alice.id) && users.replica.has(bob.id)).toBe(true);
    expect(JSON.stringify(users.documents)).not.toContain('passwordHash');
    const admins = await pullAll(server, 'admins', { token: admin.accessToken });
    expect(JSON.stringify(admins.documents)).not.toContain('passwordHash');
  });

  it('turns a product that is deactivated into a deletion carrying only its id', async () => {
    const before = await pullAll(server, 'products');
    const target = [...before.replica.values()][0]!;
    const adminView = await pullAll(server, 'products', { token: admin.accessToken });
    const stored = adminView.replica.get(target.id)!;
    const pushed = await pushRows(server, 'products', update(stored, { isActive: false }), admin.accessToken);
    expect(pushed.body).toEqual({ conflicts: [], rejections: [] });
    const after = await pullAll(server, 'products', { checkpoint: before.checkpoint });
    const tombstone = after.documents.find((doc) => doc.id === target.id)!;
    expect(tombstone._deleted).toBe(true);
    expect(Object.keys(tombstone).sort()).toEqual(['_deleted', 'id', 'updatedAt']);
    // A newcomer's first sync never sees it at all.
    const fresh = await pullAll(server, 'products');
    expect(fresh.documents.some((doc) => doc.id === target.id)).toBe(false);
    // The admin still sees it, inactive.
    const adminAfter = await pullAll(server, 'products', { token: admin.accessToken, checkpoint: adminView.checkpoint });
    expect(adminAfter.replica.get(target.id)?.isActive).toBe(false);
  });

  it('pages through everything once, in small pages', async () => {
    const all = await pullAll(server, 'products', { token: admin.accessToken });
    const ids: string[] = [];
    let checkpoint: string | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await pullOnce(server, 'products', { token: admin.accessToken, checkpoint, limit: 3 });
      expect(page.body.documents.length).toBeLessThanOrEqual(3);
      ids.push(...page.body.documents.map((doc) => doc.id));
      if (page.body.documents.length === 0) break;
      checkpoint = page.body.checkpoint;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(all.replica.keys()));
  });

  it('restarts from the beginning when a checkpoint comes from another reader', async () => {
    const alices = await pullAll(server, 'users', { token: alice.accessToken });
    const bobs = await pullAll(server, 'users', { token: bob.accessToken, checkpoint: alices.checkpoint });
    expect([...bobs.replica.keys()]).toEqual([bob.id]);
  });

  it('keeps a visitor’s catalogue checkpoint when they sign in as a shopper: nothing is sent again', async () => {
    const visitor = await pullAll(server, 'products');
    expect(visitor.replica.size).toBeGreaterThan(0);
    const signedIn = await pullOnce(server, 'products', { token: alice.accessToken, checkpoint: visitor.checkpoint });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.documents).toEqual([]);
    // An admin sees inactive products too: the same checkpoint starts an admin over.
    const adminView = await pullOnce(server, 'products', { token: admin.accessToken, checkpoint: visitor.checkpoint, limit: 1000 });
    expect(adminView.body.documents.length).toBeGreaterThanOrEqual(visitor.replica.size);
  });

  it.each([
    [{ checkpoint: 'not-a-checkpoint' }, 'BAD_CHECKPOINT'],
    [{ checkpoint: 'v1.1.-.short' }, 'BAD_CHECKPOINT'],
    [{ limit: 0 }, 'BAD_LIMIT'],
    [{ limit: -5 }, 'BAD_LIMIT'],
  ])('refuses a bad query %o with a 400', async (query, code) => {
    const answer = await pullOnce(server, 'products', query as { checkpoint?: string; limit?: number });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe(code);
  });
});
