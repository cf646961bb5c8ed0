/** Rows as SQLite returns them, turned into the port's StoredRow. */
import type { JsonChangeRow, StoredDocument, StoredRow } from '../port';
import { StorageError } from '../errors';

export interface SqliteRow {
  readonly seq: number;
  readonly id: string;
  /** NULL when the reader may not see this document: it then travels as a tombstone. */
  readonly doc: string | null;
  readonly updatedAt?: string | null;
}

const tombstone = (row: SqliteRow): StoredDocument => ({ id: row.id, _deleted: true, updatedAt: row.updatedAt ?? '' });

export function toRow(row: SqliteRow): StoredRow {
  if (row.doc === null) return { seq: row.seq, doc: tombstone(row) };
  let doc: StoredDocument;
  try {
    doc = JSON.parse(row.doc) as StoredDocument;
  } catch (cause) {
    throw new StorageError('CORRUPT_DATA', `document ${row.id} is not valid JSON`, { cause });
  }
  return { seq: row.seq, doc };
}

/**
 * The stored text as it is: the adapter writes only JSON.stringify's output, and a page that
 * filters on visibility has SQLite parse every document (json_extract refuses malformed text).
 */
export function toJsonRow(row: SqliteRow): JsonChangeRow {
  return { seq: row.seq, json: row.doc ?? JSON.stringify(tombstone(row)) };
}
