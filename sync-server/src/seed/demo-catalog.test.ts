/** The demo catalogue is valid, seeded once on an empty database, and never over real data. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectionNames, collections } from '@oa/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStorage, type Storage } from '../storage';
import { demoCatalog, seedDemoCatalog } from './demo-catalog';

describe('demo catalogue', () => {
  let folder: string;
  let storage: Storage;
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'oa-seed-'));
    storage = await openSqliteStorage({ path: join(folder, 'db.sqlite'), pollIntervalMs: 0 });
    await storage.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
  });
  afterEach(async () => {
    await storage.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('holds valid categories and products whose category names match their references', () => {
    const { categories, products } = demoCatalog('2026-01-01T00:00:00.000Z');
    expect(categories.length).toBeGreaterThanOrEqual(3);
    expect(products.length).toBeGreaterThanOrEqual(8);
    for (const product of products) {
      const category = categories.find((c) => c.id === product.categoryId);
      expect(category?.name).toBe(product.category);
    }
    expect(new Set(products.map((p) => p.slug)).size).toBe(products.length);
  });

  it('seeds an empty database once, and leaves it alone on the next start', async () => {
    expect(await seedDemoCatalog(storage, new Date())).toEqual({ seeded: true });
    const count = (await storage.readChanges({ collection: 'products', after: 0, limit: 1000 })).rows.length;
    expect(count).toBe(demoCatalog('2026-01-01T00:00:00.000Z').products.length);
    expect(await seedDemoCatalog(storage, new Date())).toEqual({ seeded: false });
    expect((await storage.readChanges({ collection: 'products', after: 0, limit: 1000 })).rows.length).toBe(count);
  });
});
