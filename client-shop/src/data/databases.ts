/**
 * The shop's two kinds of local database, both RxDB on IndexedDB (Dexie), shared by every tab:
 * - the device's catalogue (categories, products, approved reviews, and the visitor's guest cart,
 *   which is never replicated), kept across sign-in and sign-out: it is nobody's personal data;
 * - one database per signed-in shopper (`oa-shop-user-<id>`) with their own cart, orders,
 *   wishlist, profile, sessions and the reviews they write, removed from the device on sign-out.
 * RxDB's open-source build allows 13 open collections per page: these are 4 + 6.
 */
import { createSyncDatabase, type SyncDatabase } from '@oa/client-sync';
import { deleteIndexedDatabases } from '@oa/client-sync/browser';
import type { CollectionName } from '@oa/schema';
import { getRxStorageDexie } from './dexie-storage';

export const catalogueDatabaseName = 'oa-shop-catalogue';
/** Replicated from the server into the catalogue database. */
export const catalogueCollections: readonly CollectionName[] = ['categories', 'products', 'reviews'];
/** Replicated both ways into the shopper's own database. */
export const ownCollections: readonly CollectionName[] = ['cart_items', 'orders', 'wishlists', 'users', 'sessions'];
/** Written by the shopper and only pushed: the reviews they read come with the catalogue. */
export const ownPushOnlyCollections: readonly CollectionName[] = ['reviews'];

export const toUserDatabaseName = (userId: string): string => `oa-shop-user-${userId.toLowerCase()}`;

export function openCatalogueDatabase(): Promise<SyncDatabase> {
  return createSyncDatabase({
    name: catalogueDatabaseName,
    storage: getRxStorageDexie(),
    // The guest cart lives here until its visitor signs in (then it joins their own cart).
    collections: [...catalogueCollections, 'cart_items'],
    // Several tabs share the database; RxDB elects one to replicate and hold the live stream.
    multiInstance: true,
  });
}

export function openUserDatabase(userId: string): Promise<SyncDatabase> {
  return createSyncDatabase({
    name: toUserDatabaseName(userId),
    storage: getRxStorageDexie(),
    collections: [...ownCollections, ...ownPushOnlyCollections],
    multiInstance: true,
    // An offline edit of the profile or the wishlist survives another device's edit: merged.
    merge: { users: {}, wishlists: { sets: ['productIds'], maxSetSize: 500 } },
  });
}

/** Removes a shopper's database from this device, the IndexedDB databases Dexie leaves behind included. */
export async function removeUserDatabase(database: SyncDatabase, userId: string): Promise<void> {
  await database.remove();
  await deleteIndexedDatabases(`rxdb-dexie-${toUserDatabaseName(userId)}--`);
}
