/**
 * Product photos in backups, on the project's database (SQLite, or MongoDB's GridFS in the MongoDB
 * projects): a backup holds each photo byte for byte under `files/` with an index, a restore puts
 * them back (keeping photos stored since), and a backup whose photos are missing, changed or named
 * to escape its folder is refused before anything changes.
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleDocument } from '@oa/schema';
import type { Storage } from '@oa/sync-server/storage';
import { dropDatabase, freshDatabaseUrl } from '../../sync-server/test/test-storage';
import { sha256 } from '../src/backup/backup-manifest';
import { readBackup } from '../src/backup/read-backup';
import { restoreBackup } from '../src/backup/restore-backup';
import { writeBackup } from '../src/backup/write-backup';
import { writeBackupFiles } from '../src/backup/write-backup-files';
import { restoreCommand } from '../src/cli/restore-command';
import { runCommand } from '../src/cli/run-cli';
import { readAllRows } from '../src/database/read-all-rows';
import { openTarget, type Target } from '../src/database/open-target';
import { captureIo } from './io-capture';

interface Database {
  readonly url: string;
  readonly target: Target;
  readonly storage: Storage;
}

/** A fresh database of the project's kind, opened as the commands open it. */
async function openDatabase(folder: string): Promise<Database> {
  const url = freshDatabaseUrl(folder);
  const target = await openTarget(url);
  return { url, target, storage: await target.ready() };
}

async function closeDatabase(database: Database): Promise<void> {
  await database.target.close();
  await dropDatabase(database.url);
}

/** A photo as the admin app uploads one: named after the SHA-256 of its bytes. */
function photo(size: number): { name: string; contentType: string; bytes: Buffer } {
  const bytes = randomBytes(size);
  return { name: `${createHash('sha256').update(bytes).digest('hex')}.webp`, contentType: 'image/webp', bytes };
}

let folder: string;
let database: Database;
let root: string;
let photos: ReturnType<typeof photo>[];
const opened: Database[] = [];

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'oa-backup-photos-'));
  database = await openDatabase(folder);
  opened.push(database);
  root = join(folder, 'backups');
  // One photo of 600 KiB: more than one GridFS chunk (255 KiB).
  photos = [photo(1000), photo(600 * 1024), photo(0)];
  for (const file of photos) await database.storage.putFile(file);
  const product = { ...sampleDocument('products'), id: 'p1', slug: 'p1', images: [`https://sync.example/photos/${photos[0]!.name}`] };
  await database.storage.write('products', [{ id: 'p1', expectedSeq: null, doc: product as never }]);
});
afterEach(async () => {
  for (const each of opened.splice(0)) await closeDatabase(each);
  rmSync(folder, { recursive: true, force: true });
});

/** Another fresh, empty database beside the test's own. */
async function emptyDatabase(): Promise<Database> {
  const other = await openDatabase(mkdtempSync(join(folder, 'other-')));
  opened.push(other);
  return other;
}

const backUp = async (): Promise<string> => (await writeBackup({ storage: database.storage, ledger: database.target.maintenance.ledger, root })).folder;

/** Rewrites the `_files` index and its manifest entry, as a hand-made (or malicious) backup would. */
function rewriteIndex(backup: string, edit: (lines: Array<Record<string, unknown>>) => Array<Record<string, unknown>>): void {
  const lines = readFileSync(join(backup, '_files.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  const edited = edit(lines);
  const text = edited.map((line) => `${JSON.stringify(line)}\n`).join('');
  writeFileSync(join(backup, '_files.jsonl'), text);
  const manifest = JSON.parse(readFileSync(join(backup, 'manifest.json'), 'utf8'));
  manifest.parts._files = { ...manifest.parts._files, count: edited.length, sha256: sha256(text) };
  writeFileSync(join(backup, 'manifest.json'), JSON.stringify(manifest));
}

describe('backing up photos', () => {
  it('holds every photo byte for byte under files/, with an index the manifest lists, readable by the owner only', async () => {
    const backup = await backUp();
    const sorted = [...photos].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(readdirSync(join(backup, 'files')).sort()).toEqual(sorted.map((file) => file.name));
    for (const file of photos) {
      expect(readFileSync(join(backup, 'files', file.name)).equals(file.bytes)).toBe(true);
      expect(statSync(join(backup, 'files', file.name)).mode & 0o077).toBe(0);
    }
    const index = readFileSync(join(backup, '_files.jsonl'), 'utf8');
    expect(index.trim().split('\n').map((line) => JSON.parse(line))).toEqual(
      sorted.map((file) => ({ name: file.name, contentType: 'image/webp', size: file.bytes.length, sha256: sha256(file.bytes) })),
    );
    const manifest = JSON.parse(readFileSync(join(backup, 'manifest.json'), 'utf8'));
    expect(manifest.parts._files).toEqual({ file: '_files.jsonl', count: 3, sha256: sha256(index) });
  });

  it('pages through the stored files, every one copied once', async () => {
    for (let i = 0; i < 4; i++) await database.storage.putFile(photo(10 + i));
    const partial = join(folder, 'paged');
    mkdirSync(partial);
    const part = await writeBackupFiles(database.storage, partial, 2);
    expect(part.count).toBe(7);
    const names = readFileSync(join(partial, '_files.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line).name as string);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(7);
    expect(readdirSync(join(partial, 'files'))).toHaveLength(7);
  });

  it('refuses a stored file whose name would leave the backup folder, leaving no backup that looks whole', async () => {
    await database.storage.putFile({ name: '../escape.webp', contentType: 'image/webp', bytes: Buffer.from('x') });
    await expect(backUp()).rejects.toMatchObject({ code: 'UNSAFE_FILE_NAME' });
    const [partial, ...more] = readdirSync(root);
    expect(more).toEqual([]);
    expect(partial).toMatch(/\.partial$/);
    expect(readdirSync(join(root, partial!))).not.toContain('escape.webp');
  });
});

describe('restoring photos', () => {
  it('puts every photo back into an empty database, byte for byte, and says how many', async () => {
    const backup = await backUp();
    const other = await emptyDatabase();
    const report = await restoreBackup({ storage: other.storage, ledger: other.target.maintenance.ledger, backup: readBackup(backup) });
    expect(report.files).toEqual({ stored: 3, existing: 0 });
    for (const file of photos) {
      const restored = await other.storage.readFile(file.name);
      expect(restored).toMatchObject({ name: file.name, contentType: 'image/webp', size: file.bytes.length });
      expect(Buffer.from(restored!.bytes).equals(file.bytes)).toBe(true);
    }
    expect((await readAllRows(other.storage, 'products')).map((row) => row.doc.images)).toEqual([[`https://sync.example/photos/${photos[0]!.name}`]]);
  });

  it('counts photos already there, and keeps photos stored since the backup', async () => {
    const backup = await backUp();
    const later = photo(500);
    await database.storage.putFile(later);
    const report = await restoreBackup({ storage: database.storage, ledger: database.target.maintenance.ledger, backup: readBackup(backup) });
    expect(report.files).toEqual({ stored: 0, existing: 3 });
    expect(Buffer.from((await database.storage.readFile(later.name))!.bytes).equals(later.bytes)).toBe(true);
  });

  it('prints the photos restored with the collections', async () => {
    const backup = await backUp();
    const other = await emptyDatabase();
    const io = captureIo({ DATABASE_URL: other.url });
    expect(await runCommand(restoreCommand, [backup, '--no-backup'], io)).toBe(0);
    expect(io.errors).toEqual([]);
    expect(io.lines).toContain('  products: 1 written, 0 deleted, 0 unchanged');
    expect(io.lines).toContain('  files: 3 stored, 0 already there');
  });

  it('still restores a backup made before photos were backed up, restoring no photos', async () => {
    const backup = await backUp();
    const manifest = JSON.parse(readFileSync(join(backup, 'manifest.json'), 'utf8'));
    // What the version before stored files wrote: format /1, no index, no files/.
    delete manifest.parts._files;
    manifest.format = 'oa-backup/1';
    writeFileSync(join(backup, 'manifest.json'), JSON.stringify(manifest));
    rmSync(join(backup, '_files.jsonl'));
    rmSync(join(backup, 'files'), { recursive: true });
    const other = await emptyDatabase();
    const contents = readBackup(backup);
    expect(contents.files).toEqual([]);
    const report = await restoreBackup({ storage: other.storage, ledger: other.target.maintenance.ledger, backup: contents });
    expect(report.files).toEqual({ stored: 0, existing: 0 });
    expect(report.collections.products).toEqual({ written: 1, deleted: 0, unchanged: 0 });
    expect(await other.storage.listFiles('', 10)).toEqual([]);
  });

  it('refuses a backup of this format whose manifest lists no photo index, restoring nothing', async () => {
    const backup = await backUp();
    const manifest = JSON.parse(readFileSync(join(backup, 'manifest.json'), 'utf8'));
    delete manifest.parts._files;
    writeFileSync(join(backup, 'manifest.json'), JSON.stringify(manifest));
    expect(() => readBackup(backup)).toThrow(expect.objectContaining({ code: 'BACKUP_INCOMPLETE' }));
  });

  it('stores no photo whose bytes changed after the backup was checked', async () => {
    const backup = await backUp();
    const contents = readBackup(backup);
    const target = photos[0]!;
    const bytes = Buffer.from(target.bytes);
    bytes[0] = bytes[0]! ^ 0xff;
    writeFileSync(join(backup, 'files', target.name), bytes);
    const other = await emptyDatabase();
    await expect(restoreBackup({ storage: other.storage, ledger: other.target.maintenance.ledger, backup: contents })).rejects.toMatchObject({
      code: 'BACKUP_DAMAGED',
      message: expect.stringContaining(target.name),
    });
    expect(await other.storage.readFile(target.name)).toBeUndefined();
  });

  it.each<[string, (backup: string, name: string) => void, string, (name: string) => RegExp]>([
    ['a missing photo file', (backup, name) => rmSync(join(backup, 'files', name)), 'BACKUP_INCOMPLETE', (name) => new RegExp(`files/${name} is missing`)],
    ['no files folder at all', (backup) => rmSync(join(backup, 'files'), { recursive: true }), 'BACKUP_INCOMPLETE', () => /files\/[0-9a-f]{64}\.webp is missing/],
    [
      'a photo file changed, its size kept',
      (backup, name) => {
        const bytes = readFileSync(join(backup, 'files', name));
        bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
        writeFileSync(join(backup, 'files', name), bytes);
      },
      'BACKUP_DAMAGED',
      (name) => new RegExp(`files/${name} does not match its size and checksum`),
    ],
    ['a photo file cut short', (backup, name) => writeFileSync(join(backup, 'files', name), readFileSync(join(backup, 'files', name)).subarray(1)), 'BACKUP_DAMAGED', (name) => new RegExp(`files/${name} does not match`)],
    [
      'a photo file replaced by a link to another file',
      (backup, name) => {
        const elsewhere = join(backup, '..', 'elsewhere.bin');
        writeFileSync(elsewhere, readFileSync(join(backup, 'files', name)));
        rmSync(join(backup, 'files', name));
        symlinkSync(elsewhere, join(backup, 'files', name));
      },
      'BACKUP_DAMAGED',
      (name) => new RegExp(`files/${name} is a link`),
    ],
    [
      'a files folder that is a link to another folder',
      (backup) => {
        renameSync(join(backup, 'files'), join(backup, '..', 'elsewhere'));
        symlinkSync(join(backup, '..', 'elsewhere'), join(backup, 'files'));
      },
      'BACKUP_DAMAGED',
      () => /files in .* is not a folder/,
    ],
    ['an index changed without its manifest', (backup) => writeFileSync(join(backup, '_files.jsonl'), '{}\n', { flag: 'a' }), 'BACKUP_DAMAGED', () => /_files.jsonl does not match its checksum/],
    ['an index the manifest lists but that is gone', (backup) => rmSync(join(backup, '_files.jsonl')), 'BACKUP_INCOMPLETE', () => /_files.jsonl is missing/],
    [
      'an index naming a file outside the backup',
      (backup) => rewriteIndex(backup, (lines) => [...lines, { name: '../../etc/x', contentType: 'image/webp', size: 1, sha256: '0'.repeat(64) }]),
      'BACKUP_DAMAGED',
      () => /_files.jsonl line 4 names no file a backup can hold \("\.\.\/\.\.\/etc\/x"\)/,
    ],
    [
      'an index naming a hidden file',
      (backup) => rewriteIndex(backup, (lines) => [{ ...lines[0], name: '.profile' }, ...lines.slice(1)]),
      'BACKUP_DAMAGED',
      () => /line 1 names no file a backup can hold/,
    ],
    ['an index naming one file twice', (backup) => rewriteIndex(backup, (lines) => [...lines, lines[0]!]), 'BACKUP_DAMAGED', () => /line 4 repeats the file/],
    [
      'an index line that is no file entry',
      (backup) => rewriteIndex(backup, (lines) => [{ ...lines[0], size: -1 }, ...lines.slice(1)]),
      'BACKUP_DAMAGED',
      () => /line 1 \([0-9a-f]{64}\.webp\) is not a stored file's entry/,
    ],
  ])('refuses %s before changing anything', async (_case, damage, code, message) => {
    const backup = await backUp();
    const name = photos[1]!.name;
    damage(backup, name);
    const other = await emptyDatabase();
    const io = captureIo({ DATABASE_URL: other.url });
    expect(() => readBackup(backup)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message(name)) }));
    // Through the command too: refused before the database is opened, so nothing is restored.
    expect(await runCommand(restoreCommand, [backup, '--no-backup'], io)).toBe(1);
    expect(io.errors[0]).toMatch(new RegExp(`^${code}: `));
    expect(await other.storage.listFiles('', 10)).toEqual([]);
    expect(await other.storage.latestCheckpoint('products')).toBe(0);
  });
});
