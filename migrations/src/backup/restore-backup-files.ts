/**
 * Puts every file of a checked backup back through the port's putFile, one at a time; a name
 * stored already answers 'exists', which is the same file (names are content-addressed). Files
 * stored now but not in the backup are kept: files are never deleted, and a document restored
 * later (or on another replica) may still name them.
 */
import { closeSync, readSync } from 'node:fs';
import type { Storage } from '@oa/sync-server/storage';
import { MigrationError } from '../errors';
import { filesFolder, sha256, type BackedUpFile } from './backup-manifest';
import { openBackupFile } from './check-backup-files';

export interface FileRestoreFigures {
  stored: number;
  existing: number;
}

export async function restoreBackupFiles(storage: Storage, folder: string, files: readonly BackedUpFile[]): Promise<FileRestoreFigures> {
  const figures: FileRestoreFigures = { stored: 0, existing: 0 };
  for (const file of files) {
    const bytes = readBackedUpBytes(folder, file);
    // Checked again here, not only by readBackup: a file is never changed once stored, so bytes
    // altered since the check would stay wrong under that name for good.
    if (bytes.length !== file.size || sha256(bytes) !== file.sha256) {
      throw new MigrationError('BACKUP_DAMAGED', `${filesFolder}/${file.name} changed after the backup was checked; the restore stopped part-way (run it again with a good backup)`);
    }
    const result = await storage.putFile({ name: file.name, contentType: file.contentType, bytes });
    figures[result === 'stored' ? 'stored' : 'existing']++;
  }
  return figures;
}

/** The file's bytes, reading at most one byte past its indexed size (enough to see it grew). */
function readBackedUpBytes(folder: string, file: BackedUpFile): Buffer {
  const fd = openBackupFile(folder, file.name);
  if (fd === undefined) throw new MigrationError('BACKUP_INCOMPLETE', `${filesFolder}/${file.name} went missing after the backup was checked; the restore stopped part-way`);
  try {
    const bytes = Buffer.alloc(file.size + 1);
    let length = 0;
    while (length < bytes.length) {
      const read = readSync(fd, bytes, length, bytes.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return bytes.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
