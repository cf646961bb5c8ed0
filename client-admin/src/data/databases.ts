/**
 * The admin app's local data: one RxDB database per signed-in admin (`oa-admin-<id>`, IndexedDB
 * through Dexie, shared by the app's tabs) holding what admins may see, removed from the device
 * on sign-out. Offline edits of catalogue documents, reviews and admins merge with another
 * admin's newer edits of other fields; orders never merge: a status race has one winner, shown.
 */
import { createSyncDatabase, type SyncDatabase } from '@oa/client-sync';
import { deleteIndexedDatabases, installRangeReads } from '@oa/client-sync/browser';
import type { CollectionName } from '@oa/schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

export const adminCollections: readonly CollectionName[] = ['orders', 'products', 'categories', 'reviews', 'users', 'payments', 'admins'];
/** What the admin only reads (the server refuses admins' writes to them anyway). */
export const readOnlyCollections: readonly CollectionName[] = ['users', 'payments'];

export const toAdminDatabaseName = (adminId: string): string => `oa-admin-${adminId.toLowerCase()}`;

export function openAdminDatabase(adminId: string): Promise<SyncDatabase> {
  return createSyncDatabase({
    name: toAdminDatabaseName(adminId),
    // Reads of many documents by id in one range read where that pays (client-sync's getManyByRange).
    storage: getRxStorageDexie({ onCreate: installRangeReads }),
    collections: adminCollections,
    multiInstance: true,
    merge: { products: { sets: ['tags'] }, categories: {}, reviews: {}, admins: {} },
  });
}

export async function removeAdminDatabase(database: SyncDatabase, adminId: string): Promise<void> {
  await database.remove();
  await deleteIndexedDatabases(`rxdb-dexie-${toAdminDatabaseName(adminId)}--`);
}
