/**
 * `npm run backup`: every collection (deleted documents included: replicas need the tombstones)
 * and the migration ledger to a new timestamped folder, one JSON-lines file each, then the stored
 * files (product photos) under `files/` with their index (write-backup-files.ts), with a manifest
 * of counts and checksums. Written under `<name>.partial` and renamed when complete, so a folder
 * with the final name is always a whole backup. Files are readable by the owner only: users,
 * admins and sessions hold password and token hashes.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collectionNames } from '@oa/schema';
import type { Storage } from '@oa/sync-server/storage';
import { readAllRows } from '../database/read-all-rows';
import type { Ledger } from '../runner/ledger';
import { backupFormat, filesPart, ledgerPart, manifestFile, sha256, toJsonLines, type BackupManifest, type BackupPart } from './backup-manifest';
import { writeBackupFiles } from './write-backup-files';

export interface BackupResult {
  readonly folder: string;
  readonly counts: Record<string, number>;
}

export async function writeBackup(options: { readonly storage: Storage; readonly ledger: Ledger; readonly root: string; readonly now?: () => Date }): Promise<BackupResult> {
  const createdAt = (options.now ?? (() => new Date()))().toISOString();
  const folder = join(resolve(options.root), createdAt.replace(/[:.]/g, '-'));
  const partial = `${folder}.partial`;
  mkdirSync(partial, { recursive: true, mode: 0o700 });
  const parts: Record<string, BackupPart> = {};
  const put = (name: string, docs: readonly unknown[]): void => {
    const text = toJsonLines(docs);
    const file = `${name}.jsonl`;
    writeFileSync(join(partial, file), text, { mode: 0o600 });
    parts[name] = { file, count: docs.length, sha256: sha256(text) };
  };
  for (const collection of collectionNames) put(collection, (await readAllRows(options.storage, collection)).map((row) => row.doc));
  // Files after the collections: the admin app uploads a photo before it pushes the product that
  // shows it, so every photo a backed-up product names is stored by now, even with servers running.
  parts[filesPart] = await writeBackupFiles(options.storage, partial);
  put(ledgerPart, await options.ledger.list());
  const manifest: BackupManifest = { format: backupFormat, createdAt, database: options.storage.kind, parts };
  writeFileSync(join(partial, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, folder);
  return { folder, counts: Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, part.count])) };
}
