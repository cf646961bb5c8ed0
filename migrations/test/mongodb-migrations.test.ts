/**
 * The migration tools on MongoDB, in place on a legacy database (the mission's case): the ledger
 * (one document, so that replacing it is atomic without transactions) and its lock, the merge
 * reading `adminproducts` and the legacy `products` from the database itself, backups equal to the
 * originals, legacy documents retired so the server's unique indexes build, references rewritten,
 * a second run changing nothing. Runs in the MongoDB projects (vitest.config.ts: a replica set and
 * a standalone), a throwaway database per test, dropped afterwards.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabase } from '../../scripts/mongo-standin/test-database';
import { dropMongoDatabase } from '../../sync-server/src/storage/mongodb/drop-database';
import { openTarget, type Target } from '../src/database/open-target';
import { readAllRows } from '../src/database/read-all-rows';
import { openLegacySource } from '../src/legacy/open-legacy-source';
import { findDangling } from '../src/legacy/run-legacy-merge';
import { projectMigrations } from '../src/runner/project-migrations';
import { runMigrations } from '../src/runner/run-migrations';
import { expectedIndexes } from '../src/verify/expected-indexes';
import { legacyCollectionsFixture } from './legacy-fixture';
import type { LedgerEntry } from '../src/runner/ledger';
import { readRaw, seedLegacyMongo, withMongo } from './mongodb/seed-legacy-mongodb';

const database = testDatabase();
if (database.kind !== 'mongodb') throw new Error('mongodb-migrations.test.ts runs in the MongoDB projects only (vitest.config.ts)');
const url = database.url;

{
  const databases: string[] = [];
  const targets: Target[] = [];
  afterEach(async () => {
    for (const target of targets.splice(0)) await target.close();
    for (const name of databases.splice(0)) await dropMongoDatabase(url, name);
  });

  const fresh = async () => {
    const databaseName = `oa_migrate_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    databases.push(databaseName);
    const base = new URL(url);
    base.pathname = `/${databaseName}`;
    const target = await openTarget(base.toString());
    targets.push(target);
    return { databaseName, databaseUrl: base.toString(), target };
  };

  describe('migrations on MongoDB', () => {
    it('keeps a ledger and a lock', async () => {
      const { target } = await fresh();
      const { ledger } = target.maintenance;
      await ledger.record({ id: 'a', status: 'applied', startedAt: 't', finishedAt: 't' });
      expect(await ledger.list()).toEqual([{ id: 'a', status: 'applied', startedAt: 't', finishedAt: 't' }]);
      expect(await ledger.lock('one', 60_000)).toBe(true);
      expect(await ledger.lock('two', 60_000)).toBe(false);
      await ledger.unlock('one');
      expect(await ledger.lock('two', 60_000)).toBe(true);
    });

    const applied = (id: string): LedgerEntry => ({ id, status: 'applied', startedAt: `${id} started`, finishedAt: `${id} finished`, report: { id } });

    it('keeps the whole ledger in one document, so that replacing it is one atomic write', async () => {
      const { databaseName, target } = await fresh();
      const { ledger } = target.maintenance;
      await ledger.record(applied('b'));
      await ledger.replaceAll([applied('d'), applied('c')]);
      const failed: LedgerEntry = { id: 'a', status: 'failed', startedAt: 't', finishedAt: 't', error: { code: 'MIGRATION_FAILED', message: 'no' } };
      await ledger.record(failed);
      await ledger.record({ ...applied('c'), report: { again: true } });
      const expected = [failed, { ...applied('c'), report: { again: true } }, applied('d')];
      expect(await ledger.list()).toEqual(expected);
      // No state between "old entries deleted" and "new ones inserted" exists for a crash to leave.
      expect(await readRaw(url, databaseName, '_migration_ledger')).toEqual([{ _id: 'ledger', version: 4, entries: expected }]);
      await ledger.replaceAll([]);
      expect(await ledger.list()).toEqual([]);
    });

    it('never shows another process an empty or half-replaced ledger while a restore replaces it', async () => {
      const { databaseUrl, target } = await fresh();
      const before = ['a', 'b', 'c'].map(applied);
      const after = ['a', 'd'].map(applied);
      await target.maintenance.ledger.replaceAll(before);
      const reader = await openTarget(databaseUrl);
      targets.push(reader);
      const seen: LedgerEntry[][] = [];
      let replacing = true;
      const reading = (async () => {
        while (replacing) seen.push(await reader.maintenance.ledger.list());
      })();
      for (let round = 0; round < 20; round++) await target.maintenance.ledger.replaceAll(round % 2 === 0 ? after : before);
      replacing = false;
      await reading;
      expect(seen.length).toBeGreaterThan(0);
      for (const entries of seen) expect([before, after]).toContainEqual(entries);
    });

    it('loses no entry when two processes record at once', async () => {
      const { databaseUrl, target } = await fresh();
      const other = await openTarget(databaseUrl);
      targets.push(other);
      const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
      // Interleaved, each write a compare-and-set on the ledger's version: a lost round reads again.
      await Promise.all(ids.map((id, index) => (index % 2 === 0 ? target : other).maintenance.ledger.record(applied(id))));
      expect((await target.maintenance.ledger.list()).map((entry) => entry.id)).toEqual(ids);
    });

    it("reads an earlier version's ledger (one document per entry) and carries it over on the first write", async () => {
      const { databaseName, target } = await fresh();
      const earlier = [applied('2025-01-legacy-merge'), applied('2025-02-prices')];
      await withMongo(url, databaseName, (db) => db.collection<LedgerEntry & { _id: string }>('_migrations').insertMany(earlier.map((entry) => ({ _id: entry.id, ...entry }))));
      const { ledger } = target.maintenance;
      expect(await ledger.list()).toEqual(earlier);
      await ledger.record(applied('2025-03-slugs'));
      expect(await ledger.list()).toEqual([...earlier, applied('2025-03-slugs')]);
      // Left as they were, for an older copy of the tools.
      expect(await readRaw(url, databaseName, '_migrations')).toHaveLength(2);
    });

    it('merges the legacy collections in place, so the server can start on the result', async () => {
      const { databaseName, target } = await fresh();
      const fixture = legacyCollectionsFixture();
      await seedLegacyMongo(url, databaseName, fixture);
      const originals = { adminproducts: await readRaw(url, databaseName, 'adminproducts'), products: await readRaw(url, databaseName, 'products') };
      const source = await openLegacySource(undefined, target);
      try {
        expect(source?.description).toContain('(in place)');
        const context = { storage: await target.storage(), ready: target.ready, readable: target.readable, legacySource: source!, now: () => new Date(), log: () => undefined };
        const result = await runMigrations(projectMigrations, target.maintenance.ledger, context);
        expect(result.ok).toBe(true);
        expect(result.outcomes[0]!.report).toMatchObject({ products: 75, matched: 20, liveProducts: 75, dangling: [] });

        // Backups equal to the originals, BSON types and all.
        expect(await readRaw(url, databaseName, 'adminproducts_backup')).toEqual(originals.adminproducts);
        expect(await readRaw(url, databaseName, 'products_backup')).toEqual(originals.products);
        // No legacy document left where the server's unique indexes need `id` and `_seq`.
        for (const collection of ['products', 'orders', 'reviews', 'cart_items', 'wishlists', 'categories']) {
          expect(await readRaw(url, databaseName, collection, { $or: [{ _seq: { $exists: false } }, { id: { $exists: false } }] })).toEqual([]);
        }
        const storage = await target.ready();
        for (const collection of ['products', 'orders'] as const) {
          expect(await target.maintenance.listIndexes(collection)).toEqual(expect.arrayContaining(expectedIndexes(collection, 'mongodb')));
        }
        expect((await findDangling(storage)).dangling).toEqual([]);
        expect((await readAllRows(storage, 'products')).filter((row) => !row.doc._deleted)).toHaveLength(75);

        // A second run: the ledger has it, and the merge itself changes nothing either.
        const checkpoint = await storage.latestCheckpoint('products');
        expect((await runMigrations(projectMigrations, target.maintenance.ledger, context)).outcomes).toEqual([]);
        const { runLegacyMerge } = await import('../src/legacy/run-legacy-merge');
        const again = await runLegacyMerge({ source: source!, storage });
        expect(again.written?.products).toMatchObject({ inserted: 0, unchanged: 75 });
        expect(await storage.latestCheckpoint('products')).toBe(checkpoint);
      } finally {
        await source?.close();
      }
    });
  });
}
