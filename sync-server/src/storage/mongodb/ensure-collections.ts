/**
 * Collections and indexes. Documents keep their own fields plus `_seq`; MongoDB generates `_id`
 * (legacy backends on the shared database use ObjectIds), `id` is our key. Declared indexes keep
 * their names; unique ones are partial, so documents without the fields (legacy data) are left
 * out instead of colliding on "missing". An index of one of these names defined otherwise (an
 * earlier version's) stops start-up with a message saying how to replace it; never replaced here.
 */
import { MongoServerError, type Collection, type Document, type IndexDescription } from 'mongodb';
import { isDeepEqual, type CollectionName, type IndexSpec } from '@oa/schema';
import { StorageError, toIndexBlockedError } from '../errors';
import { ownerFieldsOf, syncIndexName, visibleFieldsOf, visibleIndexName } from '../sync-indexes';
import type { MongoContext } from './context';
import { hasId, hasSeq } from './is-synced';
import { toDuplicate } from './write';
import { fieldName } from './mongo-filter';

const namespaceExists = 48;
/** DuplicateKey: a unique index over documents that already share its values. */
const duplicateKey = 11000;
/** IndexOptionsConflict, IndexKeySpecsConflict: an index of that name (or key) exists defined otherwise. */
const indexConflictCodes = [85, 86];

export async function ensureCollections(
  ctx: MongoContext,
  specs: ReadonlyArray<{ readonly name: CollectionName; readonly indexes: readonly IndexSpec[] }>,
): Promise<void> {
  const planned = specs.map(({ name, indexes }) => ({ name, indexes, collection: ctx.register(name), described: describeIndexes(name, indexes) }));
  for (const { name } of planned) {
    try {
      await ctx.db.createCollection(name);
    } catch (error) {
      // Another process (or an earlier run) created it: that is the state we want.
      if (!(error instanceof MongoServerError && Number(error.code) === namespaceExists)) throw error;
    }
  }
  // Every collection looked at before any index is built: one refusal names every index to fix
  // (an earlier version made its `_id` and `_seq` indexes on all of them), with the difference and
  // the fix, where createIndexes would stop at the first with IndexOptionsConflict (85).
  await refuseConflicts(planned);
  for (const { name, indexes, collection, described } of planned) {
    try {
      await collection.createIndexes(described);
    } catch (error) {
      if (error instanceof MongoServerError && Number(error.code) === duplicateKey) {
        // The index that refused, named by the key pattern the server reports (never by its message).
        const blocked = toDuplicate(error.keyPattern, indexes.filter((index) => index.unique));
        throw toIndexBlockedError(name, blocked.index || 'unique index', error);
      }
      if (!(error instanceof MongoServerError && indexConflictCodes.includes(Number(error.code)))) throw error;
      // Made meanwhile by another process or an operator: named the same way when it can be.
      await refuseConflicts([{ name, collection, described }]);
      throw error;
    }
    // Never below the highest `_seq` stored (documents imported or restored without their
    // sequence document), never lowered ($max), never reset (running again, a second process).
    const [highest] = await collection.find(hasSeq, { sort: { _seq: -1 }, limit: 1, projection: { _id: 0, _seq: 1 } }).toArray();
    const stored = typeof highest?._seq === 'number' ? highest._seq : 0;
    await ctx.sequences.updateOne({ _id: name }, { $setOnInsert: { pending: [] }, $max: { seq: stored } }, { upsert: true, ...ctx.majorityWrite });
    ctx.uniqueIndexes.set(name, indexes.filter((index) => index.unique));
  }
}

/** Pure: every index a collection needs, as createIndexes takes them. */
export function describeIndexes(collection: CollectionName, indexes: readonly IndexSpec[]): IndexDescription[] {
  return [
    // Partial (is-synced.ts): legacy documents have no `id`/`_seq`, and two of them must not
    // collide on "missing", which would stop start-up on the shared database.
    { key: { id: 1 }, name: `${collection}_id`, unique: true, partialFilterExpression: hasId },
    // Unique: two writes can never share a seq, so a checkpoint names one position.
    { key: { _seq: 1 }, name: `${collection}_seq`, unique: true, partialFilterExpression: hasSeq },
    ...indexes.map(describeIndex),
    // Owner-scoped pulls ("my orders since N") walk (owner, _seq) instead of every document.
    ...ownerFieldsOf(collection).map((field) => ({ key: { [fieldName(field)]: 1, _seq: 1 }, name: syncIndexName(collection, field) })),
    // A first sync of the catalogue ("active, live products after N") walks (filter, live, _seq).
    ...visibleFieldsOf(collection).map((fields) => ({
      key: { ...Object.fromEntries(fields.map((field) => [fieldName(field), 1])), _deleted: 1, _seq: 1 },
      name: visibleIndexName(collection, fields),
    })),
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

/** An index a collection has under a name we use, defined otherwise than we need it. */
export interface IndexConflict {
  readonly collection: CollectionName;
  readonly existing: Document;
  readonly wanted: IndexDescription;
}

/**
 * Pure: the existing indexes (listIndexes) that carry one of our names with another key, unique
 * flag or partial filter. Options we never set (collation, sparse…) are left to createIndexes.
 */
export function findIndexConflicts(collection: CollectionName, existing: readonly Document[], wanted: readonly IndexDescription[]): IndexConflict[] {
  return wanted.flatMap((index) => {
    const found = existing.find((candidate) => candidate.name === index.name);
    return found && !isSameDefinition(found, index) ? [{ collection, existing: found, wanted: index }] : [];
  });
}

function isSameDefinition(existing: Document, wanted: IndexDescription): boolean {
  // A key's order matters ({ a: 1, b: 1 } is not { b: 1, a: 1 }); a filter's does not.
  return (
    JSON.stringify(Object.entries(existing.key ?? {})) === JSON.stringify(Object.entries(wanted.key)) &&
    Boolean(existing.unique) === Boolean(wanted.unique) &&
    isDeepEqual(existing.partialFilterExpression ?? null, wanted.partialFilterExpression ?? null)
  );
}

/**
 * Pure: the start-up refusal, naming each conflicting index, how it differs, and the fix. The
 * server never drops and rebuilds an index itself: the collection would be without its unique
 * index meanwhile, and several processes starting at once (a rolling deploy) would race, one
 * dropping the index another had just rebuilt. An operator does it once, with every server
 * stopped; the next start builds the indexes as this version needs them.
 */
export function toIndexConflictError(conflicts: readonly IndexConflict[]): StorageError {
  const describe = (index: Document) => JSON.stringify({ key: index.key, unique: Boolean(index.unique), partialFilterExpression: index.partialFilterExpression });
  const each = conflicts.map(({ collection, existing, wanted }) => `${collection}.${String(wanted.name)} is ${describe(existing)}, needs ${describe(wanted)}`);
  const drops = conflicts.map(({ collection, wanted }) => `db.getCollection(${JSON.stringify(collection)}).dropIndex(${JSON.stringify(wanted.name)})`);
  return new StorageError(
    'INVALID_REQUEST',
    `${conflicts.length} index(es) defined otherwise than this version needs (an earlier version's?): ${each.join('; ')}. ` +
      `Stop every sync server, drop them (mongosh: ${drops.join('; ')}), then start again: the server builds them as needed.`,
  );
}

async function refuseConflicts(planned: ReadonlyArray<{ name: CollectionName; collection: Collection; described: IndexDescription[] }>): Promise<void> {
  const conflicts: IndexConflict[] = [];
  for (const { name, collection, described } of planned) conflicts.push(...findIndexConflicts(name, await collection.listIndexes().toArray(), described));
  if (conflicts.length > 0) throw toIndexConflictError(conflicts);
}

export async function listIndexes(ctx: MongoContext, collection: CollectionName): Promise<string[]> {
  const indexes = await ctx.collection(collection).listIndexes().toArray();
  return indexes
    .map((index) => String(index.name))
    .filter((name) => name !== '_id_')
    .sort();
}
