/**
 * The visitor's local catalogue: an RxDB database on IndexedDB (Dexie), and its replication of
 * categories and products through the shared client sync layer. The two are apart on purpose:
 * the list renders from the device at once, even offline with no configuration, and replication
 * starts when the sync server's address is known. Not for signed-in data (carts, orders).
 */
import { createHttpTransport, createSyncDatabase, replicateCollections, type CollectionsReplication, type SyncDatabase } from '@oa/client-sync';
import type { CollectionName } from '@oa/schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

export const catalogueCollections: readonly CollectionName[] = ['categories', 'products'];

/** One database per user: the anonymous visitor has its own. */
export const anonymousDatabaseName = 'oa-shop-anonymous';

export function openShopDatabase(): Promise<SyncDatabase> {
  return createSyncDatabase({
    name: anonymousDatabaseName,
    storage: getRxStorageDexie(),
    collections: catalogueCollections,
    // Several tabs share the database; RxDB elects one to replicate and hold the live stream.
    multiInstance: true,
  });
}

export function replicateCatalogue(database: SyncDatabase, syncUrl: string): CollectionsReplication {
  const getAccessToken = (): undefined => undefined; // anonymous: the active catalogue only
  return replicateCollections({
    database,
    collections: catalogueCollections,
    transport: createHttpTransport({ baseUrl: syncUrl, getAccessToken }),
    stream: { baseUrl: syncUrl, getAccessToken },
    batchSize: 500,
  });
}
