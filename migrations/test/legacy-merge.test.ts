/**
 * The legacy merge end to end: mongoexport files in a folder, a real SQLite platform database.
 * 50 admin products and 45 user products overlapping in 20 become 75; the originals are backed up
 * byte for byte; every reference points at a merged product; a second run changes nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateDocument } from '@oa/schema';
import type { Storage } from '@oa/sync-server/storage';
import { readAllRows } from '../src/database/read-all-rows';
import { openFolderSource } from '../src/legacy/folder/open-folder-source';
import { runLegacyMerge } from '../src/legacy/run-legacy-merge';
import { adminId, userId } from './legacy-fixture';
import { writeLegacyExport } from './legacy-fixture';
import { checkpoints, createSqliteTarget, type SqliteTarget } from './sqlite-target';

let target: SqliteTarget;
let storage: Storage;
let folder: string;

beforeEach(async () => {
  target = createSqliteTarget();
  storage = await target.open();
  folder = writeLegacyExport();
});
afterEach(async () => {
  await target.cleanup();
});

const live = async (collection: Parameters<typeof readAllRows>[1]) => (await readAllRows(storage, collection)).filter((row) => !row.doc._deleted).map((row) => row.doc);

describe('the legacy product merge', () => {
  it('merges 50 admin and 45 user products overlapping in 20 into 75, every one valid', async () => {
    const report = await runLegacyMerge({ source: openFolderSource(folder), storage });
    expect(report).toMatchObject({ adminProducts: 50, userProducts: 45, matched: 20, matchedBy: { id: 10, name: 10, slug: 0 }, products: 75, liveProducts: 75 });
    const products = await live('products');
    expect(products).toHaveLength(75);
    for (const product of products) expect(validateDocument('products', product)).toMatchObject({ ok: true });
    expect(new Set(products.map((p) => p.slug)).size).toBe(75);
  });

  it('takes price, stock and isActive from the admin side and fills the gaps from the user side', async () => {
    await runLegacyMerge({ source: openFolderSource(folder), storage });
    const [byId] = await storage.readByIds('products', [adminId(7)]);
    // Admin 7: price 70, stock 7, inactive (7 % 7 === 0); user 7 (same ObjectId) has ratings and another image.
    expect(byId!.doc).toMatchObject({ name: 'Product 7', price: 70, stock: 7, totalStock: 7, isActive: false, ratingAverage: 4.5, ratingCount: 7 });
    expect(byId!.doc).toMatchObject({ images: ['https://cdn.example/admin/7.jpg'], imageUrl: 'https://cdn.example/admin/7.jpg' });
    // The user-side duplicate matched by name did not become a product of its own.
    expect(await storage.readByIds('products', [userId(15)])).toEqual([]);
    const [userOnly] = await storage.readByIds('products', [userId(30)]);
    expect(userOnly!.doc).toMatchObject({ name: 'User product 30', price: 1030.5, stock: 130, imageUrl: '/uploads/user/30.jpg', category: 'Prasadam' });
  });

  it('resolves categories by legacy id and by name, creating the ones never written down', async () => {
    const report = await runLegacyMerge({ source: openFolderSource(folder), storage });
    expect(report.categoriesCreated).toEqual(['Festival Specials']);
    const categories = await live('categories');
    expect(categories.map((c) => c.name).sort()).toEqual(['Books', 'Festival Specials', 'Pooja Items', 'Prasadam']);
    const byId = new Map(categories.map((c) => [c.id, c.name]));
    for (const product of await live('products')) expect(byId.get(String(product.categoryId))).toBe(product.category);
  });

  it('gives every product a unique slug and reports the clash it resolved', async () => {
    const report = await runLegacyMerge({ source: openFolderSource(folder), storage });
    expect(report.slugClashes).toEqual([{ id: adminId(50), wanted: 'product-49', slug: 'product-49-2', heldBy: adminId(49) }]);
  });

  it('copies both originals to their backups, byte for byte, before changing anything', async () => {
    const report = await runLegacyMerge({ source: openFolderSource(folder), storage });
    for (const name of ['adminproducts', 'products']) {
      expect(readFileSync(join(folder, `${name}_backup.json`), 'utf8')).toBe(readFileSync(join(folder, `${name}.json`), 'utf8'));
    }
    expect(report.backups).toEqual(expect.arrayContaining([
      { collection: 'adminproducts', backup: 'adminproducts_backup.json', count: 50, created: true },
      { collection: 'products', backup: 'products_backup.json', count: 45, created: true },
    ]));
  });

  it('points orders, reviews, cart items and wishlists at the merged products, leaving no dangling reference', async () => {
    // A wishlist the platform already holds, naming a user-side id that gets merged away.
    await storage.ensureCollections([{ name: 'wishlists', indexes: [] }]);
    await storage.write('wishlists', [{ id: 'w-platform', expectedSeq: null, doc: { id: 'w-platform', _deleted: false, createdAt: '2024-01-01T00:00:00.000Z', userId: 'u1', productIds: [userId(13), userId(14)] } }]);
    const report = await runLegacyMerge({ source: openFolderSource(folder), storage });
    expect(report.dangling).toEqual([]);
    expect(report.written).toMatchObject({ orders: { inserted: 10 }, reviews: { inserted: 15 }, cart_items: { inserted: 5 }, wishlists: { inserted: 1 } });
    expect(report.referencesRewritten?.wishlists).toBe(2);
    const [order] = await storage.readByIds('orders', [(await live('orders'))[0]!.id]);
    const items = order!.doc.items as Array<{ productId: string; product: string }>;
    expect(items[0]).toMatchObject({ productId: adminId(11), product: adminId(11) });
    const [legacyWishlist] = await live('wishlists').then((w) => w.filter((d) => d.id !== 'w-platform'));
    // userId(12) and adminId(12) are one product now: listed once.
    expect(legacyWishlist!.productIds).toEqual([adminId(12), userId(40)]);
    const [platformWishlist] = await storage.readByIds('wishlists', ['w-platform']);
    expect(platformWishlist!.doc.productIds).toEqual([adminId(13), adminId(14)]);
    const reviews = await live('reviews');
    expect(reviews.every((r) => r.productId === r.product && String(r.productId).startsWith('65a0'))).toBe(true);
  });

  it('changes nothing on a second run', async () => {
    await runLegacyMerge({ source: openFolderSource(folder), storage });
    const before = await checkpoints(storage);
    const files = readdirSync(folder).sort();
    const second = await runLegacyMerge({ source: openFolderSource(folder), storage });
    expect(await checkpoints(storage)).toEqual(before);
    expect(readdirSync(folder).sort()).toEqual(files);
    expect(second.written?.products).toEqual({ inserted: 0, unchanged: 75, kept: [] });
    expect(second.backups?.every((b) => !b.created)).toBe(true);
    expect(second.products).toBe(75);
  });

  it('reports what it would do in a dry run and writes nothing', async () => {
    await storage.ensureCollections([]);
    const report = await runLegacyMerge({ source: openFolderSource(folder), storage, dryRun: true });
    expect(report).toMatchObject({ dryRun: true, products: 75, written: { products: { inserted: 75 }, categories: { inserted: 4 } } });
    expect(Object.values(await checkpoints(await target.open({ ensure: true })))).toEqual(Array(11).fill(0));
    expect(readdirSync(folder).some((name) => name.includes('_backup'))).toBe(false);
  });

  it('keeps a merged product an admin changed since, rather than overwriting it', async () => {
    await runLegacyMerge({ source: openFolderSource(folder), storage });
    const [row] = await storage.readByIds('products', [adminId(3)]);
    await storage.write('products', [{ id: adminId(3), expectedSeq: row!.seq, doc: { ...row!.doc, price: 999 } }]);
    const report = await runLegacyMerge({ source: openFolderSource(folder), storage });
    expect(report.written?.products?.kept).toEqual([adminId(3)]);
    expect((await storage.readByIds('products', [adminId(3)]))[0]!.doc.price).toBe(999);
  });
});
