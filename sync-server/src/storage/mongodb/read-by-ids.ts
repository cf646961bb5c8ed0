/** Documents by id (deleted ones too; synced ones only, is-synced.ts), in one query whatever the number of ids. */
import type { CollectionName } from '@oa/schema';
import type { StoredRow } from '../port';
import type { MongoContext } from './context';
import { isSynced } from './is-synced';
import { allOf, omitProjection } from './mongo-filter';
import { toRow } from './to-row';

export async function readByIds(
  ctx: MongoContext,
  collection: CollectionName,
  ids: readonly string[],
  omit?: readonly string[],
): Promise<StoredRow[]> {
  const target = ctx.collection(collection);
  if (ids.length === 0) return [];
  // Strings only: an object smuggled in as an id must not become a query operator.
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  const raw = await target.find(allOf({ id: { $in: wanted } }, isSynced), { projection: omitProjection(omit), batchSize: Math.max(1, wanted.length) }).toArray(); // one round trip
  return raw.map(toRow);
}
