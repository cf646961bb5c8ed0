/**
 * Reads a backup folder and checks all of it before anything is restored: the manifest is there
 * and of this format, every collection and the ledger are listed, every file exists, matches its
 * checksum and count, and every line is a document with a valid id no other line of its file has.
 * The stored files' index (`_files`) is optional: a backup made before files were backed up has
 * none and restores no files; when listed, every file it names is checked (check-backup-files.ts)
 * and the bytes are left on disk for the restore. Anything else refuses the restore with
 * BACKUP_NOT_FOUND, BACKUP_INCOMPLETE or BACKUP_DAMAGED and says which file and why.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collectionNames, idSchema, type CollectionName } from '@oa/schema';
import { MigrationError } from '../errors';
import type { LedgerEntry } from '../runner/ledger';
import { backupFormat, readableBackupFormats, filesPart, ledgerPart, manifestFile, sha256, type BackedUpFile, type BackupManifest } from './backup-manifest';
import { checkBackupFiles } from './check-backup-files';

export interface BackupContents {
  /** The backup folder, absolute: the restore reads each file's bytes from its `files/`. */
  readonly folder: string;
  readonly manifest: BackupManifest;
  readonly collections: ReadonlyMap<CollectionName, ReadonlyArray<Record<string, unknown> & { id: string; _deleted: boolean }>>;
  readonly ledger: readonly LedgerEntry[];
  /** The stored files' index, checked against the bytes; empty for a backup made before files were in it. */
  readonly files: readonly BackedUpFile[];
}

export function readBackup(path: string): BackupContents {
  const folder = resolve(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new MigrationError('BACKUP_NOT_FOUND', `no backup folder at ${folder}`);
  const manifestPath = join(folder, manifestFile);
  if (folder.endsWith('.partial') || !existsSync(manifestPath)) {
    throw new MigrationError('BACKUP_INCOMPLETE', `${folder} has no ${manifestFile}: the backup never finished; use another one`);
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest;
  } catch {
    throw new MigrationError('BACKUP_DAMAGED', `${manifestFile} in ${folder} is not valid JSON`);
  }
  if (!readableBackupFormats.includes(manifest?.format) || typeof manifest.parts !== 'object' || manifest.parts === null) {
    throw new MigrationError('BACKUP_DAMAGED', `${manifestFile} in ${folder} is not an ${readableBackupFormats.join(' or ')} manifest`);
  }
  const missing = [...collectionNames, ledgerPart].filter((name) => !manifest.parts[name]);
  if (missing.length > 0) throw new MigrationError('BACKUP_INCOMPLETE', `the manifest lists no ${missing.join(', ')}: not a whole backup`);

  const readPart = (name: string): Array<Record<string, unknown>> => {
    const part = manifest.parts[name]!;
    const file = join(folder, part.file);
    if (!/^[A-Za-z0-9_]+\.jsonl$/.test(part.file) || !existsSync(file)) throw new MigrationError('BACKUP_INCOMPLETE', `${part.file} is missing from ${folder}`);
    const text = readFileSync(file, 'utf8');
    if (sha256(text) !== part.sha256) throw new MigrationError('BACKUP_DAMAGED', `${part.file} does not match its checksum in the manifest: the file was changed or damaged`);
    const lines = text.split('\n').filter((line) => line !== '');
    if (lines.length !== part.count) throw new MigrationError('BACKUP_DAMAGED', `${part.file} holds ${lines.length} documents, the manifest says ${part.count}`);
    return lines.map((line, index) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new MigrationError('BACKUP_DAMAGED', `${part.file} line ${index + 1} is not valid JSON`);
      }
    });
  };

  const collections = new Map<CollectionName, Array<Record<string, unknown> & { id: string; _deleted: boolean }>>();
  for (const name of collectionNames) {
    const docs = readPart(name);
    const seen = new Set<string>();
    docs.forEach((doc, index) => {
      const where = `${manifest.parts[name]!.file} line ${index + 1}`;
      if (!idSchema.safeParse(doc.id).success || typeof doc._deleted !== 'boolean') {
        throw new MigrationError('BACKUP_DAMAGED', `${where} is not a stored document (no valid id or _deleted)`);
      }
      // Two lines with one id would restore only the last: refused, never a silent loss.
      if (seen.has(doc.id as string)) throw new MigrationError('BACKUP_DAMAGED', `${where} repeats the id ${String(doc.id)}`);
      seen.add(doc.id as string);
    });
    collections.set(name, docs as Array<Record<string, unknown> & { id: string; _deleted: boolean }>);
  }
  const ledger = readPart(ledgerPart) as unknown as LedgerEntry[];
  // A /1 backup predates stored files; one of this format without its file index is not whole.
  if (manifest.format === backupFormat && !manifest.parts[filesPart]) {
    throw new MigrationError('BACKUP_INCOMPLETE', `the manifest lists no ${filesPart}: not a whole backup`);
  }
  const files = manifest.parts[filesPart] ? checkBackupFiles(folder, manifest.parts[filesPart].file, readPart(filesPart)) : [];
  return { folder, manifest, collections, ledger, files };
}
