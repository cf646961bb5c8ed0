/** The first live document matching a filter (a user by email, an order by its number). */
import type { CollectionName, Filter } from '@oa/schema';
import type { StoredRow } from '../port';
import type { MongoContext } from './context';
import { allOf, isLive, omitProjection, toMongoQuery } from './mongo-filter';
import { toRow } from './to-row';

export async function findOne(ctx: MongoContext, collection: CollectionName, filter: Filter): Promise<StoredRow | undefined> {
  const target = ctx.collection(collection);
  const raw = await target.findOne(allOf(toMongoQuery(filter), isLive), { sort: { _seq: 1 }, projection: omitProjection(undefined) });
  return raw ? toRow(raw) : undefined;
}
