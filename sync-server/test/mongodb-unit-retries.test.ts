/**
 * Units of work on a MongoDB replica set, where the stand-in cannot show it by itself: MongoDB
 * fails a transaction that meets a concurrent write at once with WriteConflict, labelled
 * TransientTransactionError, and the driver runs it again (the stand-in serialises transactions
 * instead). A failure injected inside the transaction proves the retry path, and that a failed
 * attempt leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoServerError } from 'mongodb';
import { collections } from '@oa/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabase } from '../../scripts/mongo-standin/test-database';
import type { Storage, UnitWrite } from '../src/storage';
import { openMongoStorage } from '../src/storage/mongodb/open-mongodb-storage';
import { dropDatabase, freshDatabaseUrl } from './test-storage';

const writeConflict = (): MongoServerError =>
  new MongoServerError({ code: 112, codeName: 'WriteConflict', errmsg: 'WriteConflict error', errorLabels: ['TransientTransactionError'] });

const unit: UnitWrite[] = [
  { collection: 'orders', id: 'o1', expectedSeq: null, doc: { id: 'o1', _deleted: false, orderId: 'OA-1' } },
  { collection: 'payments', id: 'o1', expectedSeq: null, doc: { id: 'o1', _deleted: false, orderId: 'o1' } },
];

describe('units of work on a MongoDB replica set', () => {
  const opened: Array<{ storage: Storage; url: string; folder: string }> = [];
  afterEach(async () => {
    for (const { storage, url, folder } of opened.splice(0)) {
      await storage.close();
      await dropDatabase(url);
      rmSync(folder, { recursive: true, force: true });
    }
  });

  async function open(injectUnitFault: (attempt: number) => void): Promise<Storage> {
    const database = testDatabase();
    if (database.kind !== 'mongodb') throw new Error('mongodb-unit-retries.test.ts runs in the mongodb-replset project only');
    const folder = mkdtempSync(join(tmpdir(), 'oa-units-'));
    const url = freshDatabaseUrl(folder);
    const storage = await openMongoStorage({ url, injectUnitFault });
    opened.push({ storage, url, folder });
    await storage.ensureCollections((['orders', 'payments'] as const).map((name) => ({ name, indexes: collections[name].indexes })));
    return storage;
  }

  it('runs a unit again after a transient WriteConflict, and commits it once', async () => {
    const attempts: number[] = [];
    const storage = await open((attempt) => {
      attempts.push(attempt);
      if (attempt === 1) throw writeConflict();
    });
    const result = await storage.commit(unit);
    expect(result.kind).toBe('committed');
    expect(attempts).toEqual([1, 2]);
    const [orders, payments] = await Promise.all([storage.readChanges({ collection: 'orders', after: 0, limit: 10 }), storage.readChanges({ collection: 'payments', after: 0, limit: 10 })]);
    expect(orders.rows.map((row) => row.doc.id)).toEqual(['o1']);
    expect(payments.rows.map((row) => row.doc.id)).toEqual(['o1']);
  });

  it('leaves nothing when an attempt fails for good, and answers UNAVAILABLE', async () => {
    const storage = await open(() => {
      throw new MongoServerError({ code: 91, codeName: 'ShutdownInProgress', errmsg: 'shutting down' });
    });
    await expect(storage.commit(unit)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(await storage.readByIds('orders', ['o1'])).toEqual([]);
    expect(await storage.readByIds('payments', ['o1'])).toEqual([]);
  });
});
