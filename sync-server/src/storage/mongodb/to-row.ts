/**
 * Documents as MongoDB returns them, turned into the port's StoredRow (`_seq` out of the doc).
 * Every read selects synced documents only (is-synced.ts), so a legacy document never gets here:
 * the refusal below means a read that forgot that filter, or a projection that dropped `id`.
 */
import type { Document } from 'mongodb';
import { StorageError } from '../errors';
import type { StoredDocument, StoredRow } from '../port';

export function toRow(raw: Document): StoredRow {
  const { _id: _ignored, _seq: seq, ...doc } = raw;
  if (typeof seq !== 'number' || typeof doc.id !== 'string') {
    throw new StorageError('CORRUPT_DATA', `a stored document lacks its id or sequence (${JSON.stringify(doc.id ?? null)})`);
  }
  return { seq, doc: doc as StoredDocument };
}
