/**
 * A page of changes after a checkpoint. SQLite commits one writer at a time and a read
 * transaction sees one snapshot, so every seq at or below the snapshot's sequence value is
 * committed and visible: a page that is not full can move the checkpoint up to it.
 */
import type { CollectionName } from '@oa/schema';
import { StorageError } from '../errors';
import type { ChangesPage, JsonChangesPage, ReadChangesQuery } from '../port';
import type { SqliteContext } from './context';
import { isLive, projectDoc, toSqlCondition } from './sql-filter';
import { toJsonRow, toRow, type SqliteRow } from './to-row';

export function readChanges(ctx: SqliteContext, query: ReadChangesQuery): ChangesPage {
  const { rows, checkpoint } = selectChanges(ctx, query);
  return { rows: rows.map(toRow), checkpoint };
}

/** The page as the database holds it: documents stay JSON text, never parsed here. */
export function readChangesJson(ctx: SqliteContext, query: ReadChangesQuery): JsonChangesPage {
  const { rows, checkpoint } = selectChanges(ctx, query);
  return { rows: rows.map(toJsonRow), checkpoint };
}

function selectChanges(ctx: SqliteContext, query: ReadChangesQuery): { rows: SqliteRow[]; checkpoint: number } {
  const { collection, after, limit } = query;
  if (!Number.isSafeInteger(after) || after < 0) throw new StorageError('INVALID_REQUEST', `bad checkpoint ${after}`);
  if (!Number.isSafeInteger(limit) || limit < 1) throw new StorageError('INVALID_REQUEST', `bad limit ${limit}`);
  const table = ctx.table(collection);
  const scope = toSqlCondition(query.scope);
  const visible = toSqlCondition(query.visible);
  const skipHidden = query.hidden === 'skip';
  const where = skipHidden ? `seq > ? AND ${scope.sql} AND ${visible.sql} AND ${isLive}` : `seq > ? AND ${scope.sql}`;
  // Skipping, every row returned is visible: the document alone, nothing else parsed (with the
  // visibility index, a first sync reads no document to decide on it). Otherwise each row is the
  // document or, when hidden, its tombstone's fields.
  const selected = skipHidden
    ? `${projectDoc(query.omit)} AS doc`
    : `CASE WHEN ${visible.sql} THEN ${projectDoc(query.omit)} END AS doc, json_extract(doc, '$.updatedAt') AS updatedAt`;
  const statement = ctx.prepare(`SELECT seq, id, ${selected} FROM ${table} WHERE ${where} ORDER BY seq LIMIT ?`);
  const params = [...(skipHidden ? [] : visible.params), after, ...scope.params, ...(skipHidden ? visible.params : []), limit];
  const read = ctx.db.transaction(() => ({
    rows: statement.all(...params) as SqliteRow[],
    latest: latestCheckpoint(ctx, collection),
  }));
  const { rows, latest } = read();
  const last = rows.at(-1)?.seq ?? after;
  return { rows, checkpoint: rows.length < limit ? Math.max(last, latest) : last };
}

export function latestCheckpoint(ctx: SqliteContext, collection: CollectionName): number {
  ctx.table(collection);
  const row = ctx.prepare('SELECT seq FROM _sequences WHERE collection = ?').get(collection) as { seq: number } | undefined;
  return row?.seq ?? 0;
}
