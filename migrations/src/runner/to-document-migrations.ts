/**
 * The document steps (@oa/document-migrations, pure and shared with the PWAs) as ledger migrations
 * for the server's database: one per collection and version (`documents-products-v1`), each
 * applying its pure step to every stored document through the storage port, with compare-and-set
 * (update-each.ts). A step must be idempotent (running it on a document it already upgraded
 * changes nothing), since a failed run is resumed from the start.
 */
import { collectionNames, isDeepEqual, type CollectionName } from '@oa/schema';
import type { DocumentMigrationSteps } from '@oa/document-migrations';
import { updateEach } from '../database/update-each';
import type { Migration } from './migration';

export function toDocumentMigrations(registry: Readonly<Partial<Record<CollectionName, DocumentMigrationSteps>>>): Migration[] {
  return collectionNames.flatMap((collection) =>
    Object.keys(registry[collection] ?? {})
      .map(Number)
      .sort((a, b) => a - b)
      .map((version) => {
        const step = registry[collection]![version]!;
        return {
          id: `documents-${collection}-v${version}`,
          description: `upgrades every ${collection} document to version ${version}`,
          async run({ ready, dryRun }) {
            const storage = await ready();
            return updateEach(storage, collection, (doc) => {
              const next = step(doc);
              return isDeepEqual(next, doc) ? undefined : next;
            }, { dryRun });
          },
        } satisfies Migration;
      }),
  );
}
