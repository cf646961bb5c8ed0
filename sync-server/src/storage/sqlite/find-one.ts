/** Live documents matching a filter: the first one (a user by email) or several (a product's reviews). */
import type { CollectionName, Filter } from '@oa/schema';
import { StorageError } from '../errors';
import type { StoredRow } from '../port';
import type { SqliteContext } from './context';
import { isLive, toSqlCondition } from './sql-filter';
import { toRow, type SqliteRow } from './to-row';

export function findOne(ctx: SqliteContext, collection: CollectionName, filter: Filter): StoredRow | undefined {
  return findMany(ctx, collection, filter, 1)[0];
}

export function findMany(ctx: SqliteContext, collection: CollectionName, filter: Filter, limit: number): StoredRow[] {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new StorageError('INVALID_REQUEST', `bad limit ${limit}`);
  const table = ctx.table(collection);
  const where = toSqlCondition(filter);
  const rows = ctx
    .prepare(`SELECT seq, id, doc FROM ${table} WHERE ${where.sql} AND ${isLive} ORDER BY seq LIMIT ?`)
    .all(...where.params, limit) as SqliteRow[];
  return rows.map(toRow);
}
