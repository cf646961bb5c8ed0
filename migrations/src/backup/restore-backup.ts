/**
 * `npm run restore <folder>`: makes the database say what the backup says, through the storage
 * port. Documents are written with fresh sequence numbers, never the old ones, so every replica
 * that synced after the backup pulls the restored state (and a tombstone for each document that
 * did not exist then) instead of keeping what it has: restoring old sequence numbers would hide
 * the rollback from clients. `updatedAt` is the restore's time (the storage stamps every write).
 * Run it with the servers stopped; a document a server changes meanwhile is retried, then refused.
 * Sessions come back ended: a restored session would bring back refresh tokens revoked or rotated
 * away since the backup, so after a restore everyone signs in again. Stored files (product photos)
 * are put back first, so a restored product never points at a photo not back yet, even when a
 * restore stops part-way; files stored since the backup are kept, never deleted
 * (restore-backup-files.ts).
 */
import { collectionNames, isDeepEqual, type CollectionName } from '@oa/schema';
import type { Storage, StoredRow } from '@oa/sync-server/storage';
import { readAllRows } from '../database/read-all-rows';
import { MigrationError } from '../errors';
import type { Ledger } from '../runner/ledger';
import type { BackupContents } from './read-backup';
import { restoreBackupFiles, type FileRestoreFigures } from './restore-backup-files';

type BackedUpDocument = Record<string, unknown> & { id: string; _deleted: boolean };

export interface RestoreFigures {
  written: number;
  deleted: number;
  unchanged: number;
}

export interface RestoreReport {
  /** Per collection. */
  readonly collections: Record<string, RestoreFigures>;
  readonly files: FileRestoreFigures;
}

export async function restoreBackup(options: {
  readonly storage: Storage;
  readonly ledger: Ledger;
  readonly backup: BackupContents;
  readonly now?: () => Date;
}): Promise<RestoreReport> {
  const { storage, backup } = options;
  const at = (options.now ?? (() => new Date()))().toISOString();
  const figures: Record<string, RestoreFigures> = {};
  const files = await restoreBackupFiles(storage, backup.folder, backup.files);
  for (const collection of collectionNames) {
    const wanted = new Map(backup.collections.get(collection)!.map((doc) => [doc.id, toRestoredState(collection, doc, at)]));
    const current = new Map((await readAllRows(storage, collection)).map((row) => [row.doc.id, row]));
    const counts: RestoreFigures = { written: 0, deleted: 0, unchanged: 0 };
    // Deletions first: a document that did not exist at backup time gives up its unique values
    // (a slug, an email) before the restored documents claim them.
    for (const row of current.values()) {
      if (wanted.has(row.doc.id) || row.doc._deleted) continue;
      await writeRetrying(storage, collection, row, { ...row.doc, _deleted: true });
      counts.deleted++;
    }
    for (const doc of wanted.values()) {
      const row = current.get(doc.id);
      if (row && isSameState(row.doc, doc)) {
        counts.unchanged++;
        continue;
      }
      await writeRetrying(storage, collection, row ?? null, doc);
      counts.written++;
    }
    figures[collection] = counts;
  }
  await options.ledger.replaceAll(backup.ledger);
  return { collections: figures, files };
}

/** What a backed-up document is restored as: itself, except a live session, which comes back ended. */
export function toRestoredState(collection: CollectionName, doc: BackedUpDocument, at: string): BackedUpDocument {
  if (collection !== 'sessions' || doc._deleted) return doc;
  return { ...doc, _deleted: true, revokedAt: typeof doc.revokedAt === 'string' ? doc.revokedAt : at };
}

function isSameState(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const { updatedAt: _a, ...x } = a;
  const { updatedAt: _b, ...y } = b;
  return isDeepEqual(x, y);
}

async function writeRetrying(storage: Storage, collection: (typeof collectionNames)[number], row: StoredRow | null, doc: Record<string, unknown>): Promise<void> {
  let expectedSeq = row?.seq ?? null;
  for (let attempt = 0; attempt < 5; attempt++) {
    const [result] = await storage.write(collection, [{ id: String(doc.id), expectedSeq, doc: doc as Record<string, unknown> & { _deleted: boolean } }]);
    if (result?.kind === 'written') return;
    if (result?.kind === 'duplicate') {
      throw new MigrationError('WRITE_CONFLICT', `${collection} ${String(doc.id)}: ${result.fields.join(', ')} is held by another live document; the restore stopped part-way (run it again once resolved)`);
    }
    expectedSeq = result?.kind === 'conflict' ? (result.current?.seq ?? null) : expectedSeq;
  }
  throw new MigrationError('WRITE_CONFLICT', `${collection} ${String(doc.id)} kept changing during the restore: stop the servers and run it again`);
}
