/**
 * Writes planned documents that are not stored yet, through the storage port (so each gets its
 * sequence number the way every write does). A stored document with the same id is never
 * overwritten: if it says the same thing it is "unchanged" (a second run), otherwise "kept" (it was
 * changed since, by an admin or a later migration, and that change wins). Retrying is safe.
 */
import type { CollectionName } from '@oa/schema';
import type { Storage } from '@oa/sync-server/storage';
import { MigrationError } from '../errors';
import { isSameContent } from './same-content';

export interface InsertFigures {
  inserted: number;
  unchanged: number;
  kept: string[];
}

const batch = 200;

export async function insertMissing(
  storage: Storage,
  collection: CollectionName,
  docs: readonly Record<string, unknown>[],
  options: { readonly dryRun?: boolean } = {},
): Promise<InsertFigures> {
  const figures: InsertFigures = { inserted: 0, unchanged: 0, kept: [] };
  const refused: string[] = [];
  for (let start = 0; start < docs.length; start += batch) {
    const chunk = docs.slice(start, start + batch);
    const stored = new Map((await storage.readByIds(collection, chunk.map((doc) => String(doc.id)))).map((row) => [row.doc.id, row]));
    const missing = chunk.filter((doc) => {
      const current = stored.get(String(doc.id));
      if (!current) return true;
      if (isSameContent(current.doc, doc)) figures.unchanged++;
      else figures.kept.push(String(doc.id));
      return false;
    });
    if (options.dryRun) {
      figures.inserted += missing.length;
      continue;
    }
    const results = await storage.write(
      collection,
      missing.map((doc) => ({ id: String(doc.id), expectedSeq: null, doc: doc as Record<string, unknown> & { _deleted: boolean } })),
    );
    results.forEach((result, index) => {
      const id = String(missing[index]!.id);
      if (result.kind === 'written') figures.inserted++;
      else if (result.kind === 'conflict' && result.current && isSameContent(result.current.doc, missing[index]!)) figures.unchanged++;
      else refused.push(`${id} (${result.kind === 'duplicate' ? `${result.fields.join(', ')} already taken` : 'written by someone else meanwhile'})`);
    });
  }
  if (refused.length > 0) {
    // Everything else is written; running again finishes the job once the cause is gone.
    throw new MigrationError('WRITE_CONFLICT', `${collection}: ${refused.length} document(s) could not be written: ${refused.slice(0, 10).join('; ')}. Is a server writing meanwhile? Stop it and run again.`);
  }
  return figures;
}
