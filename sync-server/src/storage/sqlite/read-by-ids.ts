/** Documents by id (deleted ones too), in one statement whatever the number of ids. */
import type { CollectionName } from '@oa/schema';
import type { StoredRow } from '../port';
import type { SqliteContext } from './context';
import { projectDoc } from './sql-filter';
import { toRow, type SqliteRow } from './to-row';

export function readByIds(
  ctx: SqliteContext,
  collection: CollectionName,
  ids: readonly string[],
  omit?: readonly string[],
): StoredRow[] {
  if (ids.length === 0) return [];
  const table = ctx.table(collection);
  const rows = ctx
    .prepare(`SELECT seq, id, ${projectDoc(omit)} AS doc FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as SqliteRow[];
  return rows.map(toRow);
}
