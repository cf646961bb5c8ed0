/**
 * The shop's data (client-sync's createAppData): the device's catalogue database shared by every
 * visitor, the shopper's own database once signed in, and what the one replication covers, wired
 * to the browser (the session store, /config.json, navigator.locks). Loaded after the first paint
 * with RxDB and Dexie (shell/shop-data.ts); nothing on the first screen imports this file.
 */
import { createAppData, loadRuntimeConfig, type AppData } from '@oa/client-sync';
import { shopSession } from '../shell/shop-session';
import { catalogueCollections, openCatalogueDatabase, openUserDatabase, ownCollections, ownPushOnlyCollections, removeUserDatabase } from './databases';
import { joinGuestCart } from './shop-actions';

/** So that no two tabs join the same guest cart at once. */
const withGuestCartLock = <T,>(run: () => Promise<T>): Promise<T> =>
  typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request('oa-guest-cart', run) as Promise<T>) : run();

export function createShopData(): AppData {
  return createAppData({
    session: shopSession,
    loadSyncUrl: async () => (await loadRuntimeConfig(location.origin)).syncUrl,
    openShared: openCatalogueDatabase,
    openOwn: openUserDatabase,
    removeOwn: removeUserDatabase,
    // The visitor's cart joins the shopper's, in one tab only, before anything is pushed.
    onSignedIn: async (catalogue, own) => {
      if (catalogue) await withGuestCartLock(() => joinGuestCart(catalogue, own.database, own.userId));
    },
    plan: (catalogue, own) =>
      catalogue && {
        collections: [
          ...catalogueCollections.map((name) => catalogue.collections[name]!),
          ...(own ? ownCollections.map((name) => own.database.collections[name]!) : []),
        ],
        pushOnly: own ? ownPushOnlyCollections.map((name) => own.database.collections[name]!) : [],
        // A fresh device shows the shop first, then the shopper's own data.
        first: catalogueCollections,
        // Nobody writes the catalogue from the shop (the server would refuse it anyway)...
        pullOnly: catalogueCollections,
        // ...so a fresh device bulk-inserts it before replicating from there.
        bulkFirstSync: true,
        // Two server pages per local write: IndexedDB transactions large enough to be cheap, small
        // enough that the next pages arrive while one is written (npm run bench:shop measures it).
        batchSize: 2000,
        retryTime: 2000,
      },
  });
}
