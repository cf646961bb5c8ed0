/**
 * Migration 0001: the mission's legacy merge (`adminproducts` + `products` → one `products`),
 * as a ledger migration. Without a legacy source (a SQLite database with no export folder given)
 * there is nothing to merge: it records that and is done; `npm run migrate:legacy` runs the
 * merge on its own later if an export turns up (it is idempotent).
 */
import type { Migration } from '../runner/migration';
import { runLegacyMerge } from './run-legacy-merge';

export const legacyMergeMigration: Migration = {
  id: '0001-legacy-product-merge',
  description: 'merges the legacy adminproducts and products into one products collection (backups first)',
  async run({ storage, legacySource, dryRun, now, log }) {
    if (!legacySource) return { skipped: 'no legacy source: give --legacy-source <export folder | mongodb://…> (or LEGACY_SOURCE) to merge one' };
    return runLegacyMerge({ source: legacySource, storage, dryRun, now, log });
  },
};
