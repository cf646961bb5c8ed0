/**
 * Conditional writes. The batch runs in one IMMEDIATE transaction (one commit for many rows,
 * and the write lock is taken before the first read, so no other process can change a row
 * between our compare and our set). Each row still stands alone: a conflict or duplicate is
 * answered for that row and the others go on.
 */
import type { CollectionName, IndexSpec } from '@oa/schema';
import { StorageError } from '../errors';
import type { StoredRow, WriteRequest, WriteResult } from '../port';
import type { SqliteContext } from './context';
import { isLive, jsonPath } from './sql-filter';
import { toRow, type SqliteRow } from './to-row';

export function write(ctx: SqliteContext, collection: CollectionName, requests: readonly WriteRequest[]): WriteResult[] {
  const table = ctx.table(collection);
  const run = ctx.db.transaction(() => requests.map((request) => writeOne(ctx, collection, table, request)));
  return run.immediate();
}

/** One conditional write inside the caller's transaction (write and commit both use it). */
export function writeOne(ctx: SqliteContext, collection: CollectionName, table: string, request: WriteRequest): WriteResult {
  if (request.doc.id !== request.id) {
    throw new StorageError('INVALID_REQUEST', `document id ${String(request.doc.id)} does not match request id ${request.id}`);
  }
  // The sequence alone decides; the document is read (and parsed) only to answer a conflict.
  const stored = ctx.prepare(`SELECT seq FROM ${table} WHERE id = ?`).get(request.id) as { seq: number } | undefined;
  const matches = request.expectedSeq === null ? stored === undefined : stored?.seq === request.expectedSeq;
  if (!matches) {
    const current = stored && (ctx.prepare(`SELECT seq, id, doc FROM ${table} WHERE id = ?`).get(request.id) as SqliteRow);
    return { kind: 'conflict', current: current ? toRow(current) : null };
  }

  if (!request.doc._deleted) {
    for (const index of ctx.uniqueIndexes.get(collection) ?? []) {
      if (holdsUniqueValue(ctx, table, index, request)) {
        return { kind: 'duplicate', index: index.name, fields: index.fields.map(([field]) => field) };
      }
    }
  }

  const { seq } = ctx
    .prepare('UPDATE _sequences SET seq = seq + 1 WHERE collection = ? RETURNING seq')
    .get(collection) as { seq: number };
  const doc = { ...request.doc, updatedAt: ctx.now().toISOString() } as StoredRow['doc'];
  const json = JSON.stringify(doc);
  try {
    if (stored) ctx.prepare(`UPDATE ${table} SET seq = ?, doc = ? WHERE id = ?`).run(seq, json, request.id);
    else ctx.prepare(`INSERT INTO ${table} (seq, id, doc) VALUES (?, ?, ?)`).run(seq, request.id, json);
  } catch (error) {
    // The pre-check covers declared indexes with plain values; this is the database's backstop.
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') return { kind: 'duplicate', index: '', fields: [] };
    throw error;
  }
  return { kind: 'written', row: { seq, doc } };
}

/** Whether another live document already holds this write's values for a unique index. */
function holdsUniqueValue(ctx: SqliteContext, table: string, index: IndexSpec, request: WriteRequest): boolean {
  const values = index.fields.map(([field]) => request.doc[field]);
  if (!values.every((value) => typeof value === 'string' || typeof value === 'number')) return false;
  const where = index.fields.map(([field]) => `${jsonPath(field)} = ?`).join(' AND ');
  const clash = ctx.prepare(`SELECT 1 FROM ${table} WHERE ${where} AND ${isLive} AND id != ? LIMIT 1`).get(...values, request.id);
  return clash !== undefined;
}
