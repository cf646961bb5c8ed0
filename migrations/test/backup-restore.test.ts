/**
 * Backups and restores on a real SQLite database: every collection and the ledger to a folder
 * with a manifest; a restore brings the state back (and deletes what came after, as tombstones
 * replicas can see); a damaged or incomplete backup is refused before anything changes.
 */
import { appendFileSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleDocument } from '@oa/schema';
import type { Storage } from '@oa/sync-server/storage';
import { sha256 } from '../src/backup/backup-manifest';
import { readBackup } from '../src/backup/read-backup';
import { restoreBackup } from '../src/backup/restore-backup';
import { writeBackup } from '../src/backup/write-backup';
import { readAllRows } from '../src/database/read-all-rows';
import { openSqliteMaintenance } from '../src/database/sqlite/open-sqlite-maintenance';
import type { Maintenance } from '../src/runner/ledger';
import { createSqliteTarget, type SqliteTarget } from './sqlite-target';

let target: SqliteTarget;
let storage: Storage;
let maintenance: Maintenance;
let root: string;

const product = (id: string, fields: Record<string, unknown> = {}) => ({ ...sampleDocument('products'), id, slug: id, ...fields }) as never;

beforeEach(async () => {
  target = createSqliteTarget();
  storage = await target.open({ ensure: true });
  maintenance = openSqliteMaintenance(target.path);
  root = join(target.folder, 'backups');
  await storage.write('products', [{ id: 'p1', expectedSeq: null, doc: product('p1', { price: 10 }) }, { id: 'p2', expectedSeq: null, doc: product('p2') }]);
  await storage.write('categories', [{ id: 'c1', expectedSeq: null, doc: { ...sampleDocument('categories'), id: 'c1' } as never }]);
  await maintenance.ledger.record({ id: '0001-legacy-product-merge', status: 'applied', startedAt: 't', finishedAt: 't' });
});
afterEach(async () => {
  await maintenance.close();
  await target.cleanup();
});

describe('backup', () => {
  it('writes every collection and the ledger, with counts and checksums in a manifest', async () => {
    const { folder, counts } = await writeBackup({ storage, ledger: maintenance.ledger, root, now: () => new Date('2026-11-27T10:00:00.123Z') });
    expect(folder).toBe(join(root, '2026-11-27T10-00-00-123Z'));
    expect(counts).toMatchObject({ products: 2, categories: 1, orders: 0, _migrations: 1 });
    expect(readdirSync(folder).sort()).toContain('manifest.json');
    // Eleven collections, the ledger, the stored files' index and folder, the manifest.
    expect(readdirSync(folder)).toHaveLength(15);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'oa-backup/2', database: 'sqlite', parts: { products: { file: 'products.jsonl', count: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } } });
    expect(readFileSync(join(folder, 'products.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line).id)).toEqual(['p1', 'p2']);
    // Password hashes live in here: owner-only.
    expect(statSync(join(folder, 'admins.jsonl')).mode & 0o077).toBe(0);
    expect(readdirSync(root)).toEqual(['2026-11-27T10-00-00-123Z']);
  });
});

describe('restore', () => {
  it('brings the backed-up state back, deleting what came after, with fresh sequence numbers', async () => {
    const { folder } = await writeBackup({ storage, ledger: maintenance.ledger, root });
    const [p1] = await storage.readByIds('products', ['p1']);
    await storage.write('products', [
      { id: 'p1', expectedSeq: p1!.seq, doc: { ...p1!.doc, price: 99 } },
      { id: 'p3', expectedSeq: null, doc: product('p3') },
    ]);
    await maintenance.ledger.record({ id: 'later', status: 'applied', startedAt: 't', finishedAt: 't' });
    const before = await storage.latestCheckpoint('products');

    const figures = await restoreBackup({ storage, ledger: maintenance.ledger, backup: readBackup(folder) });
    expect(figures.collections.products).toEqual({ written: 1, deleted: 1, unchanged: 1 });
    const rows = new Map((await readAllRows(storage, 'products')).map((row) => [row.doc.id, row]));
    expect(rows.get('p1')!.doc.price).toBe(10);
    expect(rows.get('p3')!.doc._deleted).toBe(true);
    // A replica past `before` pulls the rollback: the restored rows are new changes.
    expect(rows.get('p1')!.seq).toBeGreaterThan(before);
    expect((await maintenance.ledger.list()).map((e) => e.id)).toEqual(['0001-legacy-product-merge']);
  });

  it('brings sessions back ended, so a token revoked or rotated since the backup never works again', async () => {
    const session = { ...sampleDocument('sessions'), id: 's1', userId: 'u1', revokedAt: undefined } as Record<string, unknown>;
    delete session.revokedAt;
    await storage.write('sessions', [{ id: 's1', expectedSeq: null, doc: session as never }]);
    const { folder } = await writeBackup({ storage, ledger: maintenance.ledger, root });
    await restoreBackup({ storage, ledger: maintenance.ledger, backup: readBackup(folder), now: () => new Date('2026-12-01T00:00:00.000Z') });
    const [restored] = await storage.readByIds('sessions', ['s1']);
    expect(restored!.doc).toMatchObject({ _deleted: true, revokedAt: '2026-12-01T00:00:00.000Z' });
  });

  it('restores into an empty database', async () => {
    const { folder } = await writeBackup({ storage, ledger: maintenance.ledger, root });
    const fresh = createSqliteTarget();
    try {
      const other = await fresh.open({ ensure: true });
      const otherMaintenance = openSqliteMaintenance(fresh.path);
      await restoreBackup({ storage: other, ledger: otherMaintenance.ledger, backup: readBackup(folder) });
      expect((await readAllRows(other, 'products')).map((row) => row.doc.id)).toEqual(['p1', 'p2']);
      expect(await otherMaintenance.ledger.list()).toHaveLength(1);
      await otherMaintenance.close();
    } finally {
      await fresh.cleanup();
    }
  });

  it.each<[string, (folder: string) => void, string, RegExp]>([
    ['a changed file', (folder) => appendFileSync(join(folder, 'products.jsonl'), '{"id":"x","_deleted":false}\n'), 'BACKUP_DAMAGED', /products.jsonl does not match its checksum/],
    ['a missing file', (folder) => rmSync(join(folder, 'orders.jsonl')), 'BACKUP_INCOMPLETE', /orders.jsonl is missing/],
    ['no manifest (a backup that never finished)', (folder) => rmSync(join(folder, 'manifest.json')), 'BACKUP_INCOMPLETE', /never finished/],
    ['a manifest that is not JSON', (folder) => writeFileSync(join(folder, 'manifest.json'), '{"format":'), 'BACKUP_DAMAGED', /not valid JSON/],
    [
      'a manifest missing a collection',
      (folder) => {
        const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
        delete manifest.parts.reviews;
        writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
      },
      'BACKUP_INCOMPLETE',
      /lists no reviews/,
    ],
  ])('refuses %s before changing anything', async (_case, damage, code, message) => {
    const { folder } = await writeBackup({ storage, ledger: maintenance.ledger, root });
    damage(folder);
    const before = await storage.latestCheckpoint('products');
    expect(() => readBackup(folder)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
    expect(await storage.latestCheckpoint('products')).toBe(before);
  });

  it('refuses a backup in which two lines of a file share an id, before changing anything', async () => {
    const { folder } = await writeBackup({ storage, ledger: maintenance.ledger, root });
    const file = join(folder, 'products.jsonl');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const text = `${lines[0]}\n${lines[0]}\n`;
    writeFileSync(file, text);
    const manifestPath = join(folder, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.parts.products = { ...manifest.parts.products, count: 2, sha256: sha256(text) };
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect(() => readBackup(folder)).toThrow(expect.objectContaining({ code: 'BACKUP_DAMAGED', message: expect.stringMatching(/repeats the id p1/) }));
  });

  it('says when there is no backup at the path', () => {
    expect(() => readBackup(join(root, 'nope'))).toThrow(expect.objectContaining({ code: 'BACKUP_NOT_FOUND' }));
    expect(existsSync(root)).toBe(false);
  });
});
