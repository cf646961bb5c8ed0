/**
 * The server on the shared MongoDB database, beside a legacy backend's documents (no `id`, no
 * `_seq`): it starts, leaves them as they are, never shows them to sync, and writes its own. An
 * earlier version's non-partial `id`/`_seq` indexes stop it with the indexes named and the fix.
 * MongoDB alone (vitest.config.ts, mongodbOnly): the driver here plays the legacy backend.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectionNames, collections } from '@oa/schema';
import { MongoClient, ObjectId, type Db, type Document } from 'mongodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabase } from '../../scripts/mongo-standin/test-database';
import { StorageError, type Storage } from '../src/storage';
import { databaseNameFromUrl } from '../src/storage/mongodb/database-name-from-url';
import { openMongoStorage } from '../src/storage/mongodb/open-mongodb-storage';
import { dropDatabase, freshDatabaseUrl } from './test-storage';

if (testDatabase().kind !== 'mongodb') throw new Error('mongodb-legacy-documents.test.ts runs in the MongoDB projects only (vitest.config.ts)');

const everyCollection = collectionNames.map((name) => ({ name, indexes: collections[name].indexes }));
/** As the legacy backend wrote its users: its own ObjectId, an email, a name; nothing of ours. */
const legacyUsers = [
  { _id: new ObjectId(), email: 'asha@example.com', name: 'Asha' },
  { _id: new ObjectId(), email: 'ravi@example.com', name: 'Ravi' },
  { _id: new ObjectId(), email: 'meena@example.com', name: 'Meena' },
];

let folder: string;
let databaseUrl: string;
let client: MongoClient;
let db: Db;
const opened: Storage[] = [];

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'oa-legacy-'));
  databaseUrl = freshDatabaseUrl(folder);
  client = await new MongoClient(databaseUrl).connect();
  db = client.db(databaseNameFromUrl(databaseUrl));
});

afterEach(async () => {
  for (const storage of opened.splice(0)) await storage.close();
  await client.close();
  await dropDatabase(databaseUrl);
  rmSync(folder, { recursive: true, force: true });
});

/** A server process starting on the database: the adapter opened, every collection ensured. */
async function start(): Promise<Storage> {
  const storage = await openMongoStorage({ url: databaseUrl, pollIntervalMs: 50 });
  opened.push(storage);
  await storage.ensureCollections(everyCollection);
  return storage;
}

const raw = (collection: string): Promise<Document[]> => db.collection(collection).find({}, { sort: { _id: 1 } }).toArray();

describe('legacy documents on the shared database', () => {
  beforeEach(async () => {
    await db.collection('users').insertMany(legacyUsers.map((user) => ({ ...user })));
  });

  it('starts, twice, and leaves the legacy documents as they were', async () => {
    const storage = await start();
    await start(); // a second process, or the next deploy: the same indexes, nothing to do
    expect(await storage.listIndexes('users')).toEqual(expect.arrayContaining(['users_id', 'users_seq']));
    expect(await raw('users')).toEqual(legacyUsers);
  });

  it('never shows them to sync: not in a pull, not found by email', async () => {
    const storage = await start();
    for (const hidden of ['tombstone', 'skip'] as const) {
      expect((await storage.readChanges({ collection: 'users', after: 0, limit: 50, hidden })).rows).toEqual([]);
    }
    expect(await storage.latestCheckpoint('users')).toBe(0);
    expect(await storage.findOne('users', { email: 'asha@example.com' })).toBeUndefined();
    expect(await storage.findMany('users', { name: 'Ravi' }, 10)).toEqual([]);
  });

  it('reads past legacy documents that look half like ours, instead of failing', async () => {
    // Live-looking, but without our `id` and `_seq`: outside sync, never CORRUPT_DATA.
    await db.collection('users').insertOne({ email: 'lata@example.com', name: 'Lata', _deleted: false });
    const storage = await start();
    expect(await storage.findOne('users', { email: 'lata@example.com' })).toBeUndefined();
    expect((await storage.readChanges({ collection: 'users', after: 0, limit: 50 })).rows).toEqual([]);
  });

  it('writes its own documents beside them, and the legacy backend goes on writing its own', async () => {
    const storage = await start();
    const doc = { id: 'user-1', _deleted: false, email: 'new@example.com', name: 'New Shopper' };
    const [created] = await storage.write('users', [{ id: doc.id, expectedSeq: null, doc }]);
    expect(created).toMatchObject({ kind: 'written', row: { doc } });
    const seq = created!.kind === 'written' ? created!.row.seq : -1;
    const [renamed] = await storage.write('users', [{ id: doc.id, expectedSeq: seq, doc: { ...doc, name: 'Renamed' } }]);
    expect(renamed).toMatchObject({ kind: 'written', row: { doc: { name: 'Renamed' } } });

    // Another document without `id` or `_seq`: the partial unique indexes leave it out, so it
    // does not collide with the other legacy documents on "missing".
    const another = { _id: new ObjectId(), email: 'kiran@example.com', name: 'Kiran' };
    await db.collection('users').insertOne({ ...another });

    const page = await storage.readChanges({ collection: 'users', after: 0, limit: 50 });
    expect(page.rows.map((row) => row.doc)).toEqual([expect.objectContaining({ id: 'user-1', name: 'Renamed' })]);
    expect(await storage.findOne('users', { email: 'new@example.com' })).toMatchObject({ doc: { id: 'user-1' } });
    expect(await storage.readByIds('users', ['user-1'])).toHaveLength(1);
    expect((await raw('users')).filter((user) => user.id === undefined)).toEqual([...legacyUsers, another]);
  });
});

describe("an earlier version's indexes", () => {
  it('refuse the start, naming each index and the fix; after the fix it starts with partial ones', async () => {
    // What an earlier version made: `id` and `_seq` unique over every document.
    for (const collection of ['users', 'products']) {
      await db.collection(collection).createIndexes([
        { key: { id: 1 }, name: `${collection}_id`, unique: true },
        { key: { _seq: 1 }, name: `${collection}_seq`, unique: true },
      ]);
    }
    // MongoDB would refuse to create ours over them (IndexOptionsConflict, 85); the stand-in
    // would silently keep the old ones (it compares only `sparse`). The refusal comes before either.
    const refusal = await start().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(StorageError);
    expect((refusal as StorageError).code).toBe('INVALID_REQUEST');
    const message = (refusal as StorageError).message;
    for (const name of ['users.users_id', 'users.users_seq', 'products.products_id', 'products.products_seq']) expect(message).toContain(`${name} is`);
    expect(message).toContain('db.getCollection("users").dropIndex("users_id")');
    // Refused before building anything: no collection got an index of this version.
    expect((await db.collection('orders').listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_']);

    // The fix, as the message says.
    for (const collection of ['users', 'products']) {
      await db.collection(collection).dropIndex(`${collection}_id`);
      await db.collection(collection).dropIndex(`${collection}_seq`);
    }
    await start();
    const usersId = (await db.collection('users').listIndexes().toArray()).find((index) => index.name === 'users_id');
    expect(usersId).toMatchObject({ key: { id: 1 }, unique: true, partialFilterExpression: { id: { $type: 'string' } } });
  });
});
