/**
 * The steps as an RxDB `migrationStrategies` object ({ 1: fn, 2: fn, … }), for a PWA's
 * `addCollections`. RxDB is not imported: the shape is plain functions of a document, and RxDB
 * runs the strategies from the stored version up, one at a time, as `upgradeDocument` does.
 * RxDB's own fields on the old document (`_meta`, `_rev`, `_attachments`) are passed through.
 */
import type { DocumentMigrationSteps } from './document-migrations';

export type MigrationStrategies = Record<number, (oldDocument: Record<string, unknown>) => Record<string, unknown>>;

export function toMigrationStrategies(steps: DocumentMigrationSteps | undefined, version: number): MigrationStrategies {
  const strategies: MigrationStrategies = {};
  for (let n = 1; n <= version; n++) {
    const step = steps?.[n];
    // RxDB refuses a collection whose version has no strategy for every step; say which is missing here instead.
    if (!step) throw new Error(`version ${version} needs a document migration to version ${n}`);
    strategies[n] = (oldDocument) => step(oldDocument);
  }
  return strategies;
}
