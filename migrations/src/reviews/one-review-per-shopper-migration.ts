/**
 * Migration 0002: settles the duplicate reviews an earlier version could store (it checked "one
 * review per product and shopper" by reading first; two pushes racing both got through), so the
 * unique index `reviews_one_per_shopper` can be built. Each product's retired reviews and its new
 * rating are one unit of work; a product or review written meanwhile is read again and planned
 * again. Ends by building every index, which proves none is blocked any more.
 */
import type { StoredRow, UnitWrite } from '@oa/sync-server/storage';
import { readAllRows } from '../database/read-all-rows';
import { MigrationError } from '../errors';
import type { Migration } from '../runner/migration';
import { planDuplicateReviews } from './plan-duplicate-reviews';

const maxPlans = 5;

export const oneReviewPerShopperMigration: Migration = {
  id: '0002-one-review-per-shopper',
  description: 'keeps each shopper’s first review of a product, deletes later duplicates and corrects the product ratings, so reviews_one_per_shopper can be built',
  async run({ readable, ready, dryRun, log }) {
    const storage = await readable();
    let retired = 0;
    let productsRated = 0;
    for (let plan = 0; ; plan++) {
      const reviews = await readAllRows(storage, 'reviews');
      const productIds = [...new Set(reviews.map((row) => row.doc.productId).filter((id): id is string => typeof id === 'string'))];
      const products = new Map<string, StoredRow>();
      for (let i = 0; i < productIds.length; i += 500) {
        for (const row of await storage.readByIds('products', productIds.slice(i, i + 500))) products.set(row.doc.id, row);
      }
      const plans = planDuplicateReviews(reviews, products);
      if (plans.length === 0) break;
      if (dryRun) {
        return { wouldRetire: plans.reduce((sum, p) => sum + p.retire.length, 0), products: plans.length };
      }
      if (plan >= maxPlans) throw new MigrationError('WRITE_CONFLICT', 'reviews keep changing while duplicates are settled: is a server running? Stop it and run again');
      let moved = false;
      for (const { retire, product } of plans) {
        const writes: UnitWrite[] = [
          ...retire.map((row) => ({ collection: 'reviews' as const, id: row.id, expectedSeq: row.expectedSeq, doc: row.doc })),
          ...(product ? [{ collection: 'products' as const, id: product.id, expectedSeq: product.expectedSeq, doc: product.doc }] : []),
        ];
        const result = await storage.commit(writes);
        if (result.kind !== 'committed') {
          moved = true;
          continue;
        }
        retired += retire.length;
        if (product) productsRated++;
      }
      if (!moved) break;
    }
    // Proves the index builds now (and builds it, as the server would at its next start).
    await ready();
    log(`reviews: ${retired} duplicate(s) deleted, ${productsRated} product rating(s) corrected`);
    return { retired, productsRated };
  },
};
