/**
 * The admin app's local data: one RxDB database per signed-in admin (`oa-admin-<id>`, IndexedDB
 * through Dexie, shared by the app's tabs) holding what admins may see, removed from the device
 * on sign-out. Offline edits of catalogue documents, reviews and admins merge with another
 * admin's newer edits of other fields; orders never merge: a status race has one winner, shown.
 */
import { createSyncDatabase, type SyncDatabase } from '@oa/client-sync';
import type { CollectionName } from '@oa/schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

export const adminCollections: readonly CollectionName[] = ['orders', 'products', 'categories', 'reviews', 'users', 'payments', 'admins'];
/** What the admin only reads (the server refuses admins' writes to them anyway). */
export const readOnlyCollections: readonly CollectionName[] = ['users', 'payments'];

export const toAdminDatabaseName = (adminId: string): string => `oa-admin-${adminId.toLowerCase()}`;

export function openAdminDatabase(adminId: string): Promise<SyncDatabase> {
  return createSyncDatabase({
    name: toAdminDatabaseName(adminId),
    storage: getRxStorageDexie(),
    collections: adminCollections,
    multiInstance: true,
    merge: { products: { sets: ['tags'] }, categories: {}, reviews: {}, admins: {} },
  });
}

export async function removeAdminDatabase(database: SyncDatabase, adminId: string): Promise<void> {
  await database.remove();
  const prefix = `rxdb-dexie-${toAdminDatabaseName(adminId)}--`;
  const all = (await indexedDB.databases?.().catch(() => [])) ?? [];
  await Promise.all(
    all
      .map((info) => info.name)
      .filter((name): name is string => name?.startsWith(prefix) === true)
      .map(
        (name) =>
          new Promise<void>((done) => {
            // A tab still holding it open blocks the deletion until it closes; it then completes.
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = request.onblocked = () => done();
          }),
      ),
  );
}
