/** Ending an account's sessions on a real SQLite storage: all of them, past one page, sparing one, touching no one else's. */
import { collectionNames, collections, sampleDocument, type Session } from '@oa/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStorage, type Storage } from '../storage';
import { endAccountSessions } from './end-account-sessions';

const at = new Date('2026-11-24T10:00:00.000Z');
const session = (id: string, userId: string, role: Session['role']): Session => ({ ...(sampleDocument('sessions') as Session), id, userId, role, _deleted: false });

describe('endAccountSessions', () => {
  let storage: Storage;
  beforeEach(async () => {
    storage = await openSqliteStorage({ path: ':memory:', pollIntervalMs: 0 });
    await storage.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
  });
  afterEach(() => storage.close());

  it('revokes every live session of the account, over several pages, except the one spared', async () => {
    const mine = Array.from({ length: 450 }, (_, i) => session(`s-${i}`, 'admin-1', 'admin'));
    const others = [session('other-admin', 'admin-2', 'admin'), session('same-id-customer', 'admin-1', 'customer')];
    await storage.write('sessions', [...mine, ...others].map((doc) => ({ id: doc.id, expectedSeq: null, doc })));

    const ended = await endAccountSessions(storage, () => at, { userId: 'admin-1', role: 'admin', exceptSessionId: 's-7' });

    expect(ended).toBe(449);
    expect(await storage.findMany('sessions', { userId: 'admin-1', role: 'admin' }, 1000)).toEqual([expect.objectContaining({ doc: expect.objectContaining({ id: 's-7' }) })]);
    const [revoked] = await storage.readByIds('sessions', ['s-0']);
    expect(revoked?.doc).toMatchObject({ _deleted: true, revokedAt: at.toISOString() });
    expect((await storage.readByIds('sessions', ['other-admin', 'same-id-customer'])).map((r) => r.doc._deleted)).toEqual([false, false]);
  });

  it('ends nothing, and fails on nothing, for an account without sessions', async () => {
    expect(await endAccountSessions(storage, () => at, { userId: 'nobody', role: 'admin' })).toBe(0);
  });
});
