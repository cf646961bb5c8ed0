/**
 * Applies a pure change to every live document of a collection, through the storage port, with
 * compare-and-set on each document's sequence: a document changed meanwhile is read again and the
 * change applied to its new state (a few times at most). Used for reference rewriting and for
 * document migrations. Unchanged documents are not written.
 */
import type { CollectionName } from '@oa/schema';
import type { Storage, StoredRow } from '@oa/sync-server/storage';
import { MigrationError } from '../errors';
import { readAllRows } from './read-all-rows';

export type DocumentChange = (doc: Record<string, unknown>) => Record<string, unknown> | undefined;

const attempts = 5;

export async function updateEach(
  storage: Storage,
  collection: CollectionName,
  change: DocumentChange,
  options: { readonly dryRun?: boolean } = {},
): Promise<{ changed: number; examined: number }> {
  const rows = (await readAllRows(storage, collection)).filter((row) => !row.doc._deleted);
  let changed = 0;
  for (const first of rows) {
    let row: StoredRow | undefined = first;
    for (let attempt = 1; row; attempt++) {
      const next = change({ ...row.doc });
      if (!next) break;
      if (options.dryRun) {
        changed++;
        break;
      }
      const [result] = await storage.write(collection, [{ id: row.doc.id, expectedSeq: row.seq, doc: next as Record<string, unknown> & { _deleted: boolean } }]);
      if (result?.kind === 'written') {
        changed++;
        break;
      }
      if (result?.kind === 'duplicate' || attempt === attempts) {
        throw new MigrationError('WRITE_CONFLICT', `${collection} ${row.doc.id}: could not be updated (${result?.kind ?? 'no answer'}); run again`);
      }
      // Someone wrote it meanwhile: apply the change to what is stored now.
      row = result?.current && !result.current.doc._deleted ? result.current : undefined;
    }
  }
  return { changed, examined: rows.length };
}
