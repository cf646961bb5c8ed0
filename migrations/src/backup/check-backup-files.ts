/**
 * Checks the stored files of a backup before anything is restored: every line of the `_files`
 * index is a file the storage would take, under a name safe as a path segment and no other line's,
 * and `files/<name>` is there with the index's size and SHA-256. Each file is read in chunks,
 * hashed and dropped, so checking never holds a file's bytes, let alone all of them.
 * Not the index's own checksum and count: read-backup.ts checks those as for every part.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { isFileContentType } from '@oa/sync-server/storage';
import { MigrationError } from '../errors';
import { filesFolder, isBackupFileName, type BackedUpFile } from './backup-manifest';

export function checkBackupFiles(folder: string, indexFile: string, lines: ReadonlyArray<Record<string, unknown>>): BackedUpFile[] {
  // A `files` that is a link would lead every name elsewhere: O_NOFOLLOW (openBackupFile) guards the last segment only.
  const files = lstatSync(join(folder, filesFolder), { throwIfNoEntry: false });
  if (files && !files.isDirectory()) throw new MigrationError('BACKUP_DAMAGED', `${filesFolder} in ${folder} is not a folder (a link?)`);
  const seen = new Set<string>();
  return lines.map((line, index) => {
    const where = `${indexFile} line ${index + 1}`;
    const { name, contentType, size, sha256 } = (typeof line === 'object' && line !== null ? line : {}) as Record<string, unknown>;
    if (!isBackupFileName(name)) throw new MigrationError('BACKUP_DAMAGED', `${where} names no file a backup can hold (${JSON.stringify(name)})`);
    if (!isFileContentType(contentType) || !Number.isSafeInteger(size) || (size as number) < 0 || typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) {
      throw new MigrationError('BACKUP_DAMAGED', `${where} (${name}) is not a stored file's entry (content type, size, sha256)`);
    }
    if (seen.has(name)) throw new MigrationError('BACKUP_DAMAGED', `${where} repeats the file ${name}`);
    seen.add(name);
    const actual = hashBackupFile(folder, name);
    if (!actual) throw new MigrationError('BACKUP_INCOMPLETE', `${filesFolder}/${name} is missing from ${folder}`);
    if (actual.size !== size || actual.sha256 !== sha256) {
      throw new MigrationError('BACKUP_DAMAGED', `${filesFolder}/${name} does not match its size and checksum in ${indexFile}: the file was changed or damaged`);
    }
    return { name, contentType, size, sha256 };
  });
}

/** Opens `files/<name>` as restore-backup-files.ts does: a regular file, never through a link; undefined when there is none. */
export function openBackupFile(folder: string, name: string): number | undefined {
  let fd: number;
  try {
    // O_NOFOLLOW: a backup holding a link to a file elsewhere (a key, /etc/shadow) must not have
    // that file's bytes checked, let alone stored as a photo anyone can fetch.
    fd = openSync(join(folder, filesFolder, name), constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') throw new MigrationError('BACKUP_DAMAGED', `${filesFolder}/${name} is a link, not a file`);
    throw error;
  }
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new MigrationError('BACKUP_DAMAGED', `${filesFolder}/${name} is not a regular file`);
  }
  return fd;
}

function hashBackupFile(folder: string, name: string): { size: number; sha256: string } | undefined {
  const fd = openBackupFile(folder, name);
  if (fd === undefined) return undefined;
  try {
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(64 * 1024);
    let size = 0;
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      hash.update(chunk.subarray(0, read));
      size += read;
    }
    return { size, sha256: hash.digest('hex') };
  } finally {
    closeSync(fd);
  }
}
