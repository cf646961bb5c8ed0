/**
 * The ledger, lock and index listing on MongoDB: `_migrations` (one document per migration, `_id`
 * its id) and `_migration_lock` (one document). Written to the official driver's documented API;
 * majority writes, as the storage adapter uses, so a failover cannot forget an applied migration.
 */
import { MongoClient, MongoServerError } from 'mongodb';
import { MigrationError } from '../../errors';
import type { LedgerEntry, Maintenance } from '../../runner/ledger';

const majority = { writeConcern: { w: 'majority' } } as const;
const duplicateKey = 11000;
const namespaceNotFound = 26;

export async function openMongoMaintenance(url: string, databaseName: string): Promise<Maintenance> {
  const client = new MongoClient(url, { appName: 'oa-migrations' });
  try {
    await client.connect();
  } catch (cause) {
    await client.close().catch(() => undefined);
    throw new MigrationError('DATABASE_UNAVAILABLE', `cannot reach MongoDB: ${(cause as Error).message}`, [], { cause });
  }
  const db = client.db(databaseName);
  const ledger = db.collection<LedgerEntry & { _id: string }>('_migrations');
  const locks = db.collection<{ _id: string; owner: string; until: Date }>('_migration_lock');
  const strip = ({ _id: _ignored, ...entry }: LedgerEntry & { _id: string }): LedgerEntry => entry;
  return {
    ledger: {
      async list() {
        return (await ledger.find({}, { sort: { _id: 1 } }).toArray()).map(strip);
      },
      async record(entry) {
        await ledger.replaceOne({ _id: entry.id }, { ...entry }, { upsert: true, ...majority });
      },
      async replaceAll(entries) {
        await ledger.deleteMany({}, majority);
        if (entries.length > 0) await ledger.insertMany(entries.map((entry) => ({ ...entry, _id: entry.id })), majority);
      },
      async lock(owner, ttlMs) {
        const now = new Date();
        try {
          // Matches a free (expired) lock or our own; when the lock is held by someone else, the
          // upsert tries to insert a second `_id: 'migrate'` and the unique `_id` refuses it.
          await locks.updateOne(
            { _id: 'migrate', $or: [{ until: { $lt: now } }, { owner }] },
            { $set: { owner, until: new Date(now.getTime() + ttlMs) } },
            { upsert: true, ...majority },
          );
          return true;
        } catch (error) {
          if (error instanceof MongoServerError && Number(error.code) === duplicateKey) return false;
          throw error;
        }
      },
      async unlock(owner) {
        await locks.deleteOne({ _id: 'migrate', owner }, majority);
      },
    },
    async listIndexes(collection) {
      try {
        const indexes = await db.collection(collection).listIndexes().toArray();
        return indexes.map((index) => String(index.name)).filter((name) => name !== '_id_').sort();
      } catch (error) {
        if (error instanceof MongoServerError && Number(error.code) === namespaceNotFound) return undefined;
        throw error;
      }
    },
    async close() {
      await client.close().catch(() => undefined);
    },
  };
}
