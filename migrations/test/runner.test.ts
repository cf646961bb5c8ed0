/**
 * The runner on a real SQLite database: pending migrations in order, the ledger, stopping at the
 * first failure and resuming after it, dry runs that record nothing, the lock, document migrations.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteMaintenance } from '../src/database/sqlite/open-sqlite-maintenance';
import { toDocumentMigrations } from '../src/runner/to-document-migrations';
import { MigrationError } from '../src/errors';
import type { Maintenance } from '../src/runner/ledger';
import type { Migration, MigrationContext } from '../src/runner/migration';
import { migrationStatus } from '../src/runner/migration-status';
import { runMigrations } from '../src/runner/run-migrations';
import type { Storage } from '@oa/sync-server/storage';
import { sampleDocument } from '@oa/schema';
import { createSqliteTarget, type SqliteTarget } from './sqlite-target';

let target: SqliteTarget;
let storage: Storage;
let maintenance: Maintenance;
const ran: string[] = [];

beforeEach(async () => {
  target = createSqliteTarget();
  storage = await target.open({ ensure: true });
  maintenance = openSqliteMaintenance(target.path);
  ran.length = 0;
});
afterEach(async () => {
  await maintenance.close();
  await target.cleanup();
});

const context = (): Omit<MigrationContext, 'dryRun'> => ({ storage, ready: async () => storage, readable: async () => storage, now: () => new Date('2026-01-01T00:00:00Z'), log: () => undefined });
const step = (id: string, behaviour: () => unknown = () => ({ did: id })): Migration => ({
  id,
  description: id,
  async run({ dryRun }) {
    ran.push(`${id}${dryRun ? ' (dry)' : ''}`);
    return behaviour();
  },
});

describe('the migration runner', () => {
  it('applies pending migrations in order and records each in the ledger', async () => {
    const result = await runMigrations([step('a'), step('b')], maintenance.ledger, context());
    expect(result).toMatchObject({ ok: true, outcomes: [{ id: 'a', status: 'applied' }, { id: 'b', status: 'applied' }] });
    expect(ran).toEqual(['a', 'b']);
    expect(await maintenance.ledger.list()).toEqual([
      { id: 'a', status: 'applied', startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z', report: { did: 'a' } },
      { id: 'b', status: 'applied', startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z', report: { did: 'b' } },
    ]);
    // Nothing left: a second run applies nothing.
    ran.length = 0;
    expect((await runMigrations([step('a'), step('b')], maintenance.ledger, context())).outcomes).toEqual([]);
    expect(ran).toEqual([]);
  });

  it('stops at the first failure, records it, and resumes from it on the next run', async () => {
    let broken = true;
    const migrations = [step('a'), step('b', () => {
      if (broken) throw new MigrationError('INVALID_LEGACY_DATA', 'bad data');
      return 'fixed';
    }), step('c')];
    const first = await runMigrations(migrations, maintenance.ledger, context());
    expect(first).toMatchObject({ ok: false, notRun: ['c'], outcomes: [{ id: 'a', status: 'applied' }, { id: 'b', status: 'failed', error: { code: 'INVALID_LEGACY_DATA', message: 'bad data' } }] });
    expect(ran).toEqual(['a', 'b']);
    expect(migrationStatus(migrations, await maintenance.ledger.list()).map((r) => r.status)).toEqual(['applied', 'failed', 'pending']);

    broken = false;
    ran.length = 0;
    const second = await runMigrations(migrations, maintenance.ledger, context());
    expect(second.ok).toBe(true);
    expect(ran).toEqual(['b', 'c']);
    expect(migrationStatus(migrations, await maintenance.ledger.list()).map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  });

  it('runs a dry run without recording anything', async () => {
    const result = await runMigrations([step('a')], maintenance.ledger, context(), { dryRun: true });
    expect(result.outcomes).toEqual([{ id: 'a', status: 'would apply', report: { did: 'a' } }]);
    expect(ran).toEqual(['a (dry)']);
    expect(await maintenance.ledger.list()).toEqual([]);
  });

  it('refuses to run while another run holds the lock, and frees it afterwards', async () => {
    const other = openSqliteMaintenance(target.path);
    try {
      expect(await other.ledger.lock('someone-else', 60_000)).toBe(true);
      await expect(runMigrations([step('a')], maintenance.ledger, context())).rejects.toMatchObject({ code: 'MIGRATION_LOCKED' });
      await other.ledger.unlock('someone-else');
      expect((await runMigrations([step('a')], maintenance.ledger, context())).ok).toBe(true);
      // Released at the end of the run.
      expect(await other.ledger.lock('someone-else', 60_000)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('takes over a lock whose holder was killed and never released it', async () => {
    expect(await maintenance.ledger.lock('killed-run', -1)).toBe(true);
    expect((await runMigrations([step('a')], maintenance.ledger, context())).ok).toBe(true);
  });

  it('upgrades stored documents with a document migration, and only those that need it', async () => {
    const doc = (id: string, name: string) => ({ ...sampleDocument('products'), id, slug: id, name });
    await storage.write('products', [
      { id: 'p1', expectedSeq: null, doc: doc('p1', '  Laddu  ') as never },
      { id: 'p2', expectedSeq: null, doc: doc('p2', 'Kumkum') as never },
    ]);
    const [trimNames] = toDocumentMigrations({ products: { 1: (d) => ({ ...d, name: String(d.name).trim() }) } });
    expect(trimNames!.id).toBe('documents-products-v1');
    const before = await storage.latestCheckpoint('products');
    const result = await runMigrations([trimNames!], maintenance.ledger, context());
    expect(result.outcomes[0]).toMatchObject({ status: 'applied', report: { changed: 1, examined: 2 } });
    expect((await storage.readByIds('products', ['p1']))[0]!.doc.name).toBe('Laddu');
    expect(await storage.latestCheckpoint('products')).toBe(before + 1);
  });
});
