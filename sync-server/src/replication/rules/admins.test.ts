/**
 * The admins rule on a real SQLite storage, driven directly so a concurrent removal can be
 * placed exactly between the rule's check and its write: the removal that leaves nobody active
 * is put back and refused, and the sessions of the admin it spared are not ended.
 */
import { collectionNames, collections, sampleDocument, type Admin, type Session } from '@oa/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStorage, type Storage } from '../../storage';
import type { StoredDocument } from '../../storage/port';
import { createAdminRules } from './admins';

const at = new Date('2026-11-24T10:00:00.000Z');
const now = () => at;

function admin(id: string, email: string): Admin {
  return { ...(sampleDocument('admins') as Admin), id, email, isActive: true, _deleted: false };
}

function session(id: string, userId: string): Session {
  return { ...(sampleDocument('sessions') as Session), id, userId, role: 'admin', _deleted: false };
}

describe('the admins rule under a concurrent removal', () => {
  let storage: Storage;
  beforeEach(async () => {
    storage = await openSqliteStorage({ path: ':memory:', pollIntervalMs: 0 });
    await storage.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
    await storage.write('admins', [
      { id: 'a', expectedSeq: null, doc: admin('a', 'a@example.com') },
      { id: 'b', expectedSeq: null, doc: admin('b', 'b@example.com') },
    ]);
    await storage.write('sessions', [{ id: 's-b', expectedSeq: null, doc: session('s-b', 'b') }]);
  });
  afterEach(() => storage.close());

  /** Storage whose first admins lookup is followed at once by another request deactivating `a`. */
  function withRivalRemovingA(): Storage {
    let fired = false;
    return {
      ...storage,
      async findMany(collection, filter, limit) {
        const found = await storage.findMany(collection, filter, limit);
        if (collection === 'admins' && !fired) {
          fired = true;
          const [a] = await storage.readByIds('admins', ['a']);
          await storage.write('admins', [{ id: 'a', expectedSeq: a!.seq, doc: { ...a!.doc, isActive: false } }]);
        }
        return found;
      },
    };
  }

  it('puts back a removal that left no active admin, refuses it with LAST_ACTIVE_ADMIN and ends no session', async () => {
    const racing = withRivalRemovingA();
    const [b] = await storage.readByIds('admins', ['b']);
    const { passwordHash: _secret, ...seen } = b!.doc;
    const outcome = await createAdminRules().handleRow(
      { storage: racing, caller: { role: 'admin', id: 'a' }, collection: 'admins', now },
      { id: 'b', assumed: seen, incoming: { ...seen, isActive: false } as StoredDocument },
      b,
    );
    expect(outcome).toMatchObject({ kind: 'refused', code: 'LAST_ACTIVE_ADMIN', state: { id: 'b', isActive: true, _deleted: false } });
    expect(JSON.stringify(outcome)).not.toContain('passwordHash');
    const [after] = await storage.readByIds('admins', ['b']);
    expect(after?.doc).toMatchObject({ isActive: true, _deleted: false, passwordHash: b!.doc.passwordHash });
    const [kept] = await storage.readByIds('sessions', ['s-b']);
    expect(kept?.doc._deleted).toBe(false);
  });

  it('without a rival, deactivates the admin and ends their sessions', async () => {
    const [b] = await storage.readByIds('admins', ['b']);
    const { passwordHash: _secret, ...seen } = b!.doc;
    const outcome = await createAdminRules().handleRow(
      { storage, caller: { role: 'admin', id: 'a' }, collection: 'admins', now },
      { id: 'b', assumed: seen, incoming: { ...seen, isActive: false } as StoredDocument },
      b,
    );
    expect(outcome).toEqual({ kind: 'written' });
    const [ended] = await storage.readByIds('sessions', ['s-b']);
    expect(ended?.doc).toMatchObject({ _deleted: true, revokedAt: at.toISOString() });
  });
});
