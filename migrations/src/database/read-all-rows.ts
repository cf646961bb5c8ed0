/**
 * Every stored row of a collection, deleted ones included, through the storage port's change
 * pages (oldest change first). Stops at the checkpoint it started from, so rows this run writes
 * meanwhile (they get higher sequence numbers) are not read back.
 */
import type { CollectionName } from '@oa/schema';
import type { Storage, StoredRow } from '@oa/sync-server/storage';

export async function readAllRows(storage: Storage, collection: CollectionName, pageSize = 1000): Promise<StoredRow[]> {
  const until = await storage.latestCheckpoint(collection);
  const rows: StoredRow[] = [];
  let after = 0;
  while (after < until) {
    const page = await storage.readChanges({ collection, after, limit: pageSize });
    for (const row of page.rows) if (row.seq <= until) rows.push(row);
    if (page.rows.length === 0 || page.checkpoint <= after) break;
    after = page.checkpoint;
  }
  return rows;
}
