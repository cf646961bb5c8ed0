/**
 * The ledger, lock and index listing on MongoDB: `_migration_ledger` (the whole ledger in one
 * document) and `_migration_lock` (one document). Written to the official driver's documented API;
 * majority writes, as the storage adapter uses, so a failover cannot forget an applied migration.
 * Earlier versions kept one document per entry in `_migrations`: read until the first write here,
 * which carries them over; then left as they are (an older copy of the tools still reads them).
 */
import { MongoClient, MongoServerError } from 'mongodb';
import { MigrationError } from '../../errors';
import { inLedgerOrder, withEntry, type LedgerEntry, type Maintenance } from '../../runner/ledger';

const majority = { writeConcern: { w: 'majority' } } as const;
const duplicateKey = 11000;
const namespaceNotFound = 26;

/**
 * One document, `version` counting its writes. Every change to the ledger, a restore's replace of
 * all of it included, is one single-document write, and MongoDB applies a single-document write
 * atomically, on a standalone (no transactions) as on a replica set. So at every moment a reader
 * sees the old ledger or the new one: a crash can no longer fall between deleting the old entries
 * and inserting the new ones, which lost the record of applied migrations. A ledger is a few KB
 * (one small entry per migration), far below the 16 MB a document may hold.
 */
interface LedgerDocument {
  _id: 'ledger';
  version: number;
  entries: LedgerEntry[];
}

// Compare-and-set rounds before giving up: `migrate` writes under its lock, so only a restore
// run at the same time can make a write lose a round, and each lost round means the other won.
const ledgerWriteAttempts = 16;

export async function openMongoMaintenance(url: string, databaseName: string): Promise<Maintenance> {
  const client = new MongoClient(url, { appName: 'oa-migrations' });
  try {
    await client.connect();
  } catch (cause) {
    await client.close().catch(() => undefined);
    throw new MigrationError('DATABASE_UNAVAILABLE', `cannot reach MongoDB: ${(cause as Error).message}`, [], { cause });
  }
  const db = client.db(databaseName);
  const ledgers = db.collection<LedgerDocument>('_migration_ledger');
  const earlierLedger = db.collection<LedgerEntry & { _id: string }>('_migrations');
  const locks = db.collection<{ _id: string; owner: string; until: Date }>('_migration_lock');

  const read = async (): Promise<{ version: number; entries: LedgerEntry[] }> => {
    const current = await ledgers.findOne({ _id: 'ledger' });
    if (current) return { version: current.version, entries: current.entries };
    // Never written by this version: the earlier layout's entries (none on a new database).
    const earlier = await earlierLedger.find({}, { sort: { _id: 1 } }).toArray();
    return { version: 0, entries: earlier.map(({ _id: _ignored, ...entry }) => entry) };
  };
  /** Writes `change(current entries)` as the new ledger, if nobody wrote it since it was read. */
  const write = async (change: (entries: readonly LedgerEntry[]) => LedgerEntry[]): Promise<void> => {
    for (let attempt = 0; attempt < ledgerWriteAttempts; attempt++) {
      const current = await read();
      // JSON values only, as the SQLite ledger stores them (undefined fields left out, not null).
      const next: LedgerDocument = { _id: 'ledger', version: current.version + 1, entries: JSON.parse(JSON.stringify(change(current.entries))) };
      if (current.version === 0) {
        try {
          await ledgers.insertOne(next, majority);
          return;
        } catch (error) {
          // Another writer made the document first: read it and try again on top of it.
          if (error instanceof MongoServerError && Number(error.code) === duplicateKey) continue;
          throw error;
        }
      }
      // Matches only the version read: a write in between makes this one read again.
      if ((await ledgers.replaceOne({ _id: 'ledger', version: current.version }, next, majority)).matchedCount === 1) return;
    }
    throw new MigrationError('WRITE_CONFLICT', 'the migration ledger kept changing under this write (a restore and a migrate at once?): run the command again');
  };

  return {
    ledger: {
      async list() {
        return (await read()).entries;
      },
      async record(entry) {
        await write((entries) => withEntry(entries, entry));
      },
      async replaceAll(entries) {
        await write(() => inLedgerOrder(entries));
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
