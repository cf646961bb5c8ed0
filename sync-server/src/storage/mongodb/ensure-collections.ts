/**
 * Collections and indexes. Documents keep their own fields plus `_seq`; MongoDB generates `_id`
 * (legacy backends on the shared database use ObjectIds), `id` is our key. Declared indexes keep
 * their names, unique ones partial over live documents that have the fields.
 */
import { MongoServerError, type IndexDescription } from 'mongodb';
import type { CollectionName, IndexSpec } from '@oa/schema';
import { ownerFieldsOf, syncIndexName } from '../sync-indexes';
import type { MongoContext } from './context';
import { fieldName } from './mongo-filter';

const namespaceExists = 48;

export async function ensureCollections(
  ctx: MongoContext,
  specs: ReadonlyArray<{ readonly name: CollectionName; readonly indexes: readonly IndexSpec[] }>,
): Promise<void> {
  for (const { name, indexes } of specs) {
    const collection = ctx.register(name);
    try {
      await ctx.db.createCollection(name);
    } catch (error) {
      // Another process (or an earlier run) created it: that is the state we want.
      if (!(error instanceof MongoServerError && Number(error.code) === namespaceExists)) throw error;
    }
    await collection.createIndexes(describeIndexes(name, indexes));
    // Never below the highest `_seq` stored (documents imported or restored without their
    // sequence document), never lowered ($max), never reset (running again, a second process).
    const [highest] = await collection.find({ _seq: { $type: 'number' } }, { sort: { _seq: -1 }, limit: 1, projection: { _id: 0, _seq: 1 } }).toArray();
    const stored = typeof highest?._seq === 'number' ? highest._seq : 0;
    await ctx.sequences.updateOne({ _id: name }, { $setOnInsert: { pending: [] }, $max: { seq: stored } }, { upsert: true, ...ctx.majorityWrite });
    ctx.uniqueIndexes.set(name, indexes.filter((index) => index.unique));
  }
}

/** Pure: every index a collection needs, as createIndexes takes them. */
export function describeIndexes(collection: CollectionName, indexes: readonly IndexSpec[]): IndexDescription[] {
  return [
    { key: { id: 1 }, name: `${collection}_id`, unique: true },
    // Unique: two writes can never share a seq, so a checkpoint names one position.
    { key: { _seq: 1 }, name: `${collection}_seq`, unique: true },
    ...indexes.map(describeIndex),
    // Owner-scoped pulls ("my orders since N") walk (owner, _seq) instead of every document.
    ...ownerFieldsOf(collection).map((field) => ({ key: { [fieldName(field)]: 1, _seq: 1 }, name: syncIndexName(collection, field) })),
  ];
}

function describeIndex(index: IndexSpec): IndexDescription {
  const key = Object.fromEntries(index.fields.map(([field, direction]) => [fieldName(field), direction]));
  if (!index.unique) return { key, name: index.name };
  // Unique only among live documents that have every field: a soft-deleted product must not hold
  // its slug forever, and documents without the field (legacy data) must not collide on "missing".
  const partialFilterExpression = {
    _deleted: false,
    ...Object.fromEntries(index.fields.map(([field]) => [field, { $exists: true }])),
  };
  return { key, name: index.name, unique: true, partialFilterExpression };
}

export async function listIndexes(ctx: MongoContext, collection: CollectionName): Promise<string[]> {
  const indexes = await ctx.collection(collection).listIndexes().toArray();
  return indexes
    .map((index) => String(index.name))
    .filter((name) => name !== '_id_')
    .sort();
}
