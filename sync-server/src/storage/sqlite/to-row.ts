/** Rows as SQLite returns them, turned into the port's StoredRow. */
import type { StoredDocument, StoredRow } from '../port';
import { StorageError } from '../errors';

export interface SqliteRow {
  readonly seq: number;
  readonly id: string;
  /** NULL when the reader may not see this document: it then travels as a tombstone. */
  readonly doc: string | null;
  readonly updatedAt?: string | null;
}

export function toRow(row: SqliteRow): StoredRow {
  if (row.doc === null) {
    return { seq: row.seq, doc: { id: row.id, _deleted: true, updatedAt: row.updatedAt ?? '' } };
  }
  let doc: StoredDocument;
  try {
    doc = JSON.parse(row.doc) as StoredDocument;
  } catch (cause) {
    throw new StorageError('CORRUPT_DATA', `document ${row.id} is not valid JSON`, { cause });
  }
  return { seq: row.seq, doc };
}
