/**
 * Writes a benchmark catalogue (12 categories, N active ~1 KB products) straight into a SQLite
 * database file before the server starts (bench/sync.ts, bench/shop.ts), or into any open
 * storage (bench/sync.ts's MongoDB mode). Not a seed for real use: the products are numbered fixtures.
 */
import { collectionNames, collections } from '@oa/schema';
import { openSqliteStorage, type Storage } from '../sync-server/src/storage';
import { benchProduct } from './product-fixture';

export async function prepareCatalogue(path: string, products: number): Promise<void> {
  const storage = await openSqliteStorage({ path, pollIntervalMs: 0 });
  await writeCatalogue(storage, products);
  await storage.close();
}

export async function writeCatalogue(storage: Storage, products: number): Promise<void> {
  await storage.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
  const now = new Date().toISOString();
  await storage.write('categories', Array.from({ length: 12 }, (_, i) => ({
    id: `cat-${i}`,
    expectedSeq: null,
    doc: { id: `cat-${i}`, _deleted: false, name: `Category ${i}`, slug: `category-${i}`, sortOrder: i, isActive: true, createdAt: now, updatedAt: now },
  })));
  for (let i = 0; i < products; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, products - i) }, (_, j) => {
      const doc = { ...benchProduct(i + j), updatedAt: now, ratingAverage: 0, ratingCount: 0, isActive: true, stock: 100_000, totalStock: 100_000 };
      return { id: doc.id, expectedSeq: null, doc };
    });
    await storage.write('products', batch);
  }
}
