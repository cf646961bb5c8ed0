/**
 * The legacy source as the old MongoDB database itself (`online_annavaram`), through the official
 * driver. Legacy documents are the ones without the platform's `_seq` (the old backends never
 * wrote one). Backups are server-side copies (`$out` to a temporary collection, then an atomic
 * rename), so every BSON type is kept exactly and a backup only ever appears whole.
 *
 * In place (the platform runs on this same database), the legacy documents in the platform's own
 * collections (`products`, `orders`, …) must leave them before the server's unique `id`/`_seq`
 * indexes can be built; `retireInPlace` removes them, only after checking each is in its backup.
 * NOT exercised against a server on the development machines (no MongoDB there); see README.
 */
import { BSON, MongoClient, type Collection, type Document } from 'mongodb';
import { MigrationError } from '../../errors';
import { decodeExtendedJson } from '../export/decode-extended-json';
import { backupNameOf, legacyCollections, type LegacyCollection, type LegacyRecord } from '../legacy-record';
import type { LegacySource } from '../legacy-source';

const majority = { writeConcern: { w: 'majority' } } as const;
/** A legacy document: one the platform never wrote (no sequence number, or no platform id). */
const isLegacy = { $or: [{ _seq: { $exists: false } }, { id: { $exists: false } }] };
const platformNamed: readonly LegacyCollection[] = legacyCollections.filter((name) => name !== 'adminproducts');

export interface MongoSourceOptions {
  readonly url: string;
  readonly databaseName: string;
  /** True when the platform's database is this one: legacy documents are then retired from it. */
  readonly inPlace: boolean;
}

export async function openMongoSource({ url, databaseName, inPlace }: MongoSourceOptions): Promise<LegacySource> {
  const client = new MongoClient(url, { appName: 'oa-migrations-legacy' });
  try {
    await client.connect();
  } catch (cause) {
    await client.close().catch(() => undefined);
    throw new MigrationError('LEGACY_SOURCE_UNAVAILABLE', `cannot reach the legacy MongoDB: ${(cause as Error).message}`, [], { cause });
  }
  const db = client.db(databaseName);
  const exists = async (name: string): Promise<boolean> => (await db.listCollections({ name }, { nameOnly: true }).toArray()).length > 0;

  return {
    description: `MongoDB ${databaseName}${inPlace ? ' (in place)' : ''}`,
    async read(collection) {
      const backup = backupNameOf(collection);
      const source = (await exists(backup)) ? db.collection(backup) : (await exists(collection)) ? db.collection(collection) : undefined;
      if (!source) return undefined;
      const raw = await source.find(source.collectionName === backup ? {} : isLegacy).toArray();
      // A platform collection with no legacy document left and no backup: nothing legacy to read.
      if (raw.length === 0 && source.collectionName !== backup) return undefined;
      return { records: raw.map((doc, index) => toRecord(source.collectionName, doc, index)), problems: [] };
    },
    async backUp(collection) {
      const backup = backupNameOf(collection);
      if (await exists(backup)) return { collection, backup, count: await db.collection(backup).countDocuments({}), created: false };
      const partial = `${backup}_partial`;
      // $out replaces `partial` whole; the rename then publishes it in one step (dropTarget false:
      // a backup that appeared meanwhile is never overwritten).
      await db.collection(collection).aggregate([{ $match: isLegacy }, { $out: partial }], majority).toArray();
      const [copied, originals] = await Promise.all([db.collection(partial).countDocuments({}), db.collection(collection).countDocuments(isLegacy)]);
      if (copied !== originals) {
        throw new MigrationError('LEGACY_CHANGED_SINCE_BACKUP', `${collection} changed while it was being copied (${copied} copied, ${originals} now): stop the legacy backends and run again`);
      }
      await db.collection(partial).rename(backup, { dropTarget: false, ...majority });
      return { collection, backup, count: copied, created: true };
    },
    async countInPlace() {
      if (!inPlace) return {};
      const counts: Record<string, number> = {};
      for (const name of platformNamed) if (await exists(name)) counts[name] = await db.collection(name).countDocuments(isLegacy);
      return counts;
    },
    async retireInPlace(collection) {
      if (!inPlace || collection === 'adminproducts') return 0;
      return retire(db.collection(collection), db.collection(backupNameOf(collection)), collection);
    },
    async close() {
      await client.close().catch(() => undefined);
    },
  };
}

async function retire(live: Collection, backup: Collection, name: string): Promise<number> {
  const ids = (await live.find(isLegacy, { projection: { _id: 1 } }).toArray()).map((doc) => doc._id);
  // Never delete a legacy document the backup does not hold (one written after the backup).
  for (let start = 0; start < ids.length; start += 1000) {
    const chunk = ids.slice(start, start + 1000);
    const held = await backup.countDocuments({ _id: { $in: chunk } });
    if (held !== chunk.length) {
      throw new MigrationError('LEGACY_CHANGED_SINCE_BACKUP', `${name} holds ${chunk.length - held} legacy document(s) that are not in ${backup.collectionName}: stop the legacy backends, drop ${backup.collectionName} if it is outdated, and run again`);
    }
  }
  // Legacy indexes (e.g. `slug_1`) on keys the server indexes under its own names would make its
  // createIndexes fail (IndexOptionsConflict); the server's are all named `<collection>_…`.
  for (const index of await live.listIndexes().toArray()) {
    const indexName = String(index.name);
    if (indexName !== '_id_' && !indexName.startsWith(`${name}_`)) await live.dropIndex(indexName);
  }
  let removed = 0;
  for (let start = 0; start < ids.length; start += 1000) {
    const result = await live.deleteMany({ $and: [{ _id: { $in: ids.slice(start, start + 1000) } }, isLegacy] }, majority);
    removed += result.deletedCount;
  }
  return removed;
}

/** A BSON document to plain JSON values, through canonical Extended JSON (the same decoder as files). */
function toRecord(collection: string, doc: Document, index: number): LegacyRecord {
  const plain = decodeExtendedJson(BSON.EJSON.serialize(doc, { relaxed: false })) as Record<string, unknown>;
  return { where: `${collection} document ${index + 1}`, doc: plain };
}
