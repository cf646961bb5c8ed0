/**
 * The manifest of a backup folder: which file holds which collection, how many documents, and
 * each file's SHA-256. Written last, so a folder without one is a backup that never finished.
 * Stored files (product photos) are copied byte for byte under `files/`, with an index part
 * `_files` (one line per file: name, type, size, SHA-256) that the manifest lists like the others.
 */
import { createHash } from 'node:crypto';
import { isFileName } from '@oa/sync-server/storage';

/**
 * The format written. /2 added stored files (`_files`, `files/`): a program that knows only /1
 * refuses a /2 backup rather than restoring it without its photos. /1 backups (no files) still read.
 */
export const backupFormat = 'oa-backup/2';
export const readableBackupFormats: readonly string[] = ['oa-backup/1', backupFormat];
export const manifestFile = 'manifest.json';
/** The ledger travels with the data: restoring a pre-migration backup makes its migrations pending again. */
export const ledgerPart = '_migrations';
/** The index of the stored files; absent from backups made before files were backed up. */
export const filesPart = '_files';
/** The folder, inside a backup, holding each stored file under its own name. */
export const filesFolder = 'files';

export interface BackupPart {
  readonly file: string;
  readonly count: number;
  readonly sha256: string;
}

export interface BackupManifest {
  readonly format: string;
  readonly createdAt: string;
  readonly database: 'sqlite' | 'mongodb';
  /** Collection name (and `_migrations`, `_files`) → its file. */
  readonly parts: Readonly<Record<string, BackupPart>>;
}

/** One line of the `_files` index: a stored file and the digest of the bytes under `files/<name>`. */
export interface BackedUpFile {
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** One JSON document per line, each line ending in a newline. */
export function toJsonLines(docs: readonly unknown[]): string {
  return docs.map((doc) => `${JSON.stringify(doc)}\n`).join('');
}

/**
 * A stored file's name that is safe as one path segment under `files/`: a name the storage takes,
 * without a separator or `..` and not hidden. An index line naming `../../etc/x` would otherwise
 * make a backup write, or a restore read, outside the backup folder.
 */
export function isBackupFileName(name: unknown): name is string {
  return isFileName(name) && !name.includes('/') && !name.includes('\\') && !name.includes('..') && !name.startsWith('.');
}
