/**
 * Migration 0002 on a database an earlier version left with duplicate reviews (two pushes of one
 * shopper raced past the read-first check): the server cannot build `reviews_one_per_shopper`
 * over them, `npm run migrate` keeps each shopper's first review, corrects the product's rating
 * and builds the index; the server then starts. Runs on every database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectionNames, collections } from '@oa/schema';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestStorage, type TestStorage } from '../../sync-server/test/test-storage';
import { migrateCommand } from '../src/cli/migrate-command';
import { runCommand } from '../src/cli/run-cli';
import { captureIo } from './io-capture';

let folder: string;
let database: TestStorage;
beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'oa-reviews-once-'));
  database = await openTestStorage(folder);
});
afterEach(async () => {
  await database.drop();
  rmSync(folder, { recursive: true, force: true });
});

const every = collectionNames.map((name) => ({ name, indexes: collections[name].indexes }));
const at = (day: number) => `2026-01-0${day}T00:00:00.000Z`;

it('settles duplicate reviews stored before the unique index, so the server can start again', async () => {
  const { storage } = database;
  // The database as the earlier version left it: every index but the one this version adds.
  await storage.ensureCollections(every.map(({ name, indexes }) => ({ name, indexes: indexes.filter((index) => index.name !== 'reviews_one_per_shopper') })));
  const review = (id: string, userId: string, rating: number, day: number) => ({
    id,
    expectedSeq: null,
    doc: { id, _deleted: false, productId: 'p1', product: 'p1', userId, user: userId, rating, comment: 'ok', isApproved: true, isDeleted: false, createdAt: at(day), updatedAt: at(day) },
  });
  await storage.write('products', [{ id: 'p1', expectedSeq: null, doc: { id: 'p1', _deleted: false, name: 'Laddu', slug: 'laddu', price: 10, isActive: true, ratingAverage: 3, ratingCount: 3 } }]);
  await storage.write('reviews', [review('r-first', 'u1', 5, 1), review('r-again', 'u1', 1, 2), review('r-other', 'u2', 3, 3)]);
  await expect(storage.ensureCollections(every)).rejects.toMatchObject({ code: 'DUPLICATE_KEY', message: expect.stringContaining('reviews.reviews_one_per_shopper') });

  const io = captureIo({ DATABASE_URL: database.databaseUrl, BACKUP_DIR: join(folder, 'backups') });
  expect(await runCommand(migrateCommand, [], io)).toBe(0);
  expect(io.text()).toMatch(/applied: 0002-one-review-per-shopper/);
  expect(io.text()).toMatch(/reviews: 1 duplicate\(s\) deleted, 1 product rating\(s\) corrected/);
  expect(io.text()).toMatch(/backup: /);

  const checker = await database.openAnother();
  await checker.ensureCollections(every);
  expect(await checker.listIndexes('reviews')).toContain('reviews_one_per_shopper');
  const reviews = await checker.readByIds('reviews', ['r-first', 'r-again', 'r-other']);
  expect(Object.fromEntries(reviews.map((row) => [row.doc.id, row.doc._deleted]))).toEqual({ 'r-first': false, 'r-again': true, 'r-other': false });
  const [product] = await checker.readByIds('products', ['p1']);
  expect(product!.doc).toMatchObject({ ratingAverage: 4, ratingCount: 2 });

  // Run again: nothing left to settle, nothing pending.
  const again = captureIo({ DATABASE_URL: database.databaseUrl, BACKUP_DIR: join(folder, 'backups') });
  expect(await runCommand(migrateCommand, [], again)).toBe(0);
  expect(again.text()).toContain('nothing to migrate');
});
