/** The first live document matching a filter (a user by email, an order by its number). */
import type { CollectionName, Filter } from '@oa/schema';
import type { StoredRow } from '../port';
import type { SqliteContext } from './context';
import { isLive, toSqlCondition } from './sql-filter';
import { toRow, type SqliteRow } from './to-row';

export function findOne(ctx: SqliteContext, collection: CollectionName, filter: Filter): StoredRow | undefined {
  const table = ctx.table(collection);
  const where = toSqlCondition(filter);
  const row = ctx
    .prepare(`SELECT seq, id, doc FROM ${table} WHERE ${where.sql} AND ${isLive} ORDER BY seq LIMIT 1`)
    .get(...where.params) as SqliteRow | undefined;
  return row && toRow(row);
}
