/**
 * The stored files of a backup: each file's bytes to `files/<name>` and one index line per file
 * to `_files.jsonl`, page by page through the port's listFiles, so one file's bytes are held at a
 * time, never all of them. Returns the index as a manifest part (count, SHA-256 of its text).
 * Not the folder's life cycle (`.partial`, the manifest): write-backup.ts.
 */
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { StorageError, type Storage } from '@oa/sync-server/storage';
import { MigrationError } from '../errors';
import { filesFolder, filesPart, isBackupFileName, sha256, type BackedUpFile, type BackupPart } from './backup-manifest';

/** `pageSize`: names per listFiles page, about a page of metadata in memory besides the one file being copied. */
export async function writeBackupFiles(storage: Storage, folder: string, pageSize = 100): Promise<BackupPart> {
  const files = join(folder, filesFolder);
  mkdirSync(files, { mode: 0o700 });
  const file = `${filesPart}.jsonl`;
  const index = openSync(join(folder, file), 'wx', 0o600);
  const digest = createHash('sha256');
  let count = 0;
  try {
    for (let after = ''; ; ) {
      const page = await storage.listFiles(after, pageSize);
      for (const { name } of page) {
        if (!isBackupFileName(name)) {
          throw new MigrationError('UNSAFE_FILE_NAME', `the stored file ${JSON.stringify(name)} has a name that cannot be a file in a backup folder; nothing was backed up`);
        }
        const stored = await storage.readFile(name);
        // Files are never deleted, so a listed name always reads; if not, the database is not what the port says.
        if (!stored) throw new StorageError('CORRUPT_DATA', `the stored file ${name} was listed but cannot be read`);
        // 'wx': never overwrite. Two names one file system takes for one (case-insensitive) fail
        // here, loudly, instead of leaving one file's bytes under the other's index line.
        writeFileSync(join(files, name), stored.bytes, { mode: 0o600, flag: 'wx' });
        const line = `${JSON.stringify({ name, contentType: stored.contentType, size: stored.size, sha256: sha256(stored.bytes) } satisfies BackedUpFile)}\n`;
        writeFileSync(index, line);
        digest.update(line);
        count++;
      }
      if (page.length < pageSize) break;
      after = page.at(-1)!.name;
    }
  } finally {
    closeSync(index);
  }
  return { file, count, sha256: digest.digest('hex') };
}
