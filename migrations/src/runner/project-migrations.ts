/** This project's migrations, in the order they apply. Append only: ids never change once released. */
import { documentMigrations } from '@oa/document-migrations';
import { toDocumentMigrations } from './to-document-migrations';
import { legacyMergeMigration } from '../legacy/legacy-merge-migration';
import { oneReviewPerShopperMigration } from '../reviews/one-review-per-shopper-migration';
import type { Migration } from './migration';

export const projectMigrations: readonly Migration[] = [legacyMergeMigration, oneReviewPerShopperMigration, ...toDocumentMigrations(documentMigrations)];
