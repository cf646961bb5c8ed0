/**
 * The session store on a fresh database of the project's kind, with the interleavings HTTP cannot force: two
 * refreshes that both read the session before either writes must not both rotate it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectionNames, collections } from '@oa/schema';
import { createSessions } from '../src/auth/sessions';
import type { Storage } from '../src/storage';
import { openTestStorage, type TestStorage } from './test-storage';

describe('sessions', () => {
  let folder: string;
  let storage: Storage;
  let database: TestStorage;
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'oa-sessions-'));
    database = await openTestStorage(folder);
    storage = database.storage;
    await storage.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
  });
  afterEach(async () => {
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  const active = async () => true;

  /** A storage whose session reads wait until `count` readers have all read: every one sees the same seq. */
  function withReadBarrier(inner: Storage, count: number): Storage {
    let waiting: Array<() => void> = [];
    return {
      ...inner,
      async readByIds(collection, ids, options) {
        const rows = await inner.readByIds(collection, ids, options);
        if (collection !== 'sessions' || count <= 0) return rows;
        count -= 1;
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (count === 0) for (const release of waiting.splice(0)) release();
        });
        return rows;
      },
    };
  }

  it('lets one of two refreshes that read the same state rotate, and treats the other as reuse', async () => {
    const now = () => new Date();
    const { session, refreshToken } = await createSessions({ storage, now, ttlSeconds: 3600 }).start({ userId: 'user-1', role: 'customer', deviceName: 'test' });
    const racing = createSessions({ storage: withReadBarrier(storage, 2), now, ttlSeconds: 3600 });

    const results = await Promise.allSettled([racing.refresh(refreshToken, active), racing.refresh(refreshToken, active)]);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 401, code: 'REFRESH_TOKEN_REUSED' });
    const [row] = await storage.readByIds('sessions', [session.id]);
    expect(row?.doc).toMatchObject({ _deleted: true, revokedAt: expect.any(String), generation: 1 });
  });

  it('keeps only the last 20 used hashes', async () => {
    const sessions = createSessions({ storage, now: () => new Date(), ttlSeconds: 3600 });
    let { refreshToken, session } = await sessions.start({ userId: 'user-2', role: 'customer', deviceName: 'test' });
    for (let i = 0; i < 25; i += 1) ({ refreshToken, session } = await sessions.refresh(refreshToken, active));
    expect(session.generation).toBe(25);
    expect(session.usedRefreshTokenHashes).toHaveLength(20);
    expect(new Set(session.usedRefreshTokenHashes).size).toBe(20);
  });

  it('slides the expiry forward at each refresh and forgets a session past it', async () => {
    let at = new Date('2026-01-01T00:00:00.000Z');
    const sessions = createSessions({ storage, now: () => at, ttlSeconds: 3600 });
    const started = await sessions.start({ userId: 'user-3', role: 'admin', deviceName: 'test' });
    expect(started.session.expiresAt).toBe('2026-01-01T01:00:00.000Z');
    at = new Date('2026-01-01T00:59:00.000Z');
    const rotated = await sessions.refresh(started.refreshToken, active);
    expect(rotated.session.expiresAt).toBe('2026-01-01T01:59:00.000Z');
    at = new Date('2026-01-01T01:59:00.000Z');
    expect(await sessions.findLive(started.session.id)).toBeUndefined();
  });

  it('asks whether the account is active before rotating, and rotates nothing when it is not', async () => {
    const sessions = createSessions({ storage, now: () => new Date(), ttlSeconds: 3600 });
    const { session, refreshToken } = await sessions.start({ userId: 'user-4', role: 'customer', deviceName: 'test' });
    await expect(sessions.refresh(refreshToken, async () => false)).rejects.toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    expect((await sessions.refresh(refreshToken, active)).session.id).toBe(session.id);
  });

  it('ends a session once, and ending it again is not an error', async () => {
    const sessions = createSessions({ storage, now: () => new Date(), ttlSeconds: 3600 });
    const { session } = await sessions.start({ userId: 'user-5', role: 'customer', deviceName: 'test' });
    await sessions.end(session.id);
    const [ended] = await storage.readByIds('sessions', [session.id]);
    await sessions.end(session.id);
    await sessions.end('no-such-session');
    const [after] = await storage.readByIds('sessions', [session.id]);
    expect(after?.seq).toBe(ended?.seq);
    expect(await sessions.findLive(session.id)).toBeUndefined();
  });
});
