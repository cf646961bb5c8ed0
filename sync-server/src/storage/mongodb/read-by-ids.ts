/** Documents by id (deleted ones too), in one query whatever the number of ids. */
import type { CollectionName } from '@oa/schema';
import type { StoredRow } from '../port';
import type { MongoContext } from './context';
import { omitProjection } from './mongo-filter';
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
  const raw = await target.find({ id: { $in: wanted } }, { projection: omitProjection(omit) }).toArray();
  return raw.map(toRow);
}
