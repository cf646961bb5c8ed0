/**
 * Live documents matching a filter: the first one (a user by email) or several (a product's
 * reviews). Synced documents only (is-synced.ts): a legacy user with the same email is not one.
 */
import type { CollectionName, Filter } from '@oa/schema';
import { StorageError } from '../errors';
import type { StoredRow } from '../port';
import type { MongoContext } from './context';
import { isSynced } from './is-synced';
import { allOf, isLive, omitProjection, toMongoQuery } from './mongo-filter';
import { toRow } from './to-row';

export async function findOne(ctx: MongoContext, collection: CollectionName, filter: Filter): Promise<StoredRow | undefined> {
  const target = ctx.collection(collection);
  const raw = await target.findOne(allOf(toMongoQuery(filter), isLive, isSynced), { sort: { _seq: 1 }, projection: omitProjection(undefined) });
  return raw ? toRow(raw) : undefined;
}

export async function findMany(ctx: MongoContext, collection: CollectionName, filter: Filter, limit: number): Promise<StoredRow[]> {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new StorageError('INVALID_REQUEST', `bad limit ${limit}`);
  const target = ctx.collection(collection);
  const raw = await target
    .find(allOf(toMongoQuery(filter), isLive, isSynced), { sort: { _seq: 1 }, limit, batchSize: limit, projection: omitProjection(undefined) })
    .toArray();
  return raw.map(toRow);
}
