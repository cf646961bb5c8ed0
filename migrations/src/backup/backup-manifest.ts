/**
 * The manifest of a backup folder: which file holds which collection, how many documents, and
 * each file's SHA-256. Written last, so a folder without one is a backup that never finished.
 */
import { createHash } from 'node:crypto';

export const backupFormat = 'oa-backup/1';
export const manifestFile = 'manifest.json';
/** The ledger travels with the data: restoring a pre-migration backup makes its migrations pending again. */
export const ledgerPart = '_migrations';

export interface BackupPart {
  readonly file: string;
  readonly count: number;
  readonly sha256: string;
}

export interface BackupManifest {
  readonly format: typeof backupFormat;
  readonly createdAt: string;
  readonly database: 'sqlite' | 'mongodb';
  /** Collection name (and `_migrations`) → its file. */
  readonly parts: Readonly<Record<string, BackupPart>>;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** One JSON document per line, each line ending in a newline. */
export function toJsonLines(docs: readonly unknown[]): string {
  return docs.map((doc) => `${JSON.stringify(doc)}\n`).join('');
}
