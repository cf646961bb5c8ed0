/**
 * The shop's data (client-sync's createAppData): the device's catalogue database shared by every
 * visitor, the shopper's own database once signed in, and what the one replication covers, wired
 * to the browser (the session store, /config.json, navigator.locks). Loaded after the first paint
 * with RxDB and Dexie (shell/shop-data.ts); nothing on the first screen imports this file.
 */
import { createAppData, type AppData } from '@oa/client-sync';
import { loadPageRuntimeConfig } from '@oa/client-sync/browser';
import { earlyCatalogue } from '../shell/early-catalogue';
import { shopSession } from '../shell/shop-session';
import { catalogueCollections, openCatalogueDatabase, openUserDatabase, ownCollections, ownPushOnlyCollections, removeUserDatabase } from './databases';
import { joinGuestCart, mergeCartLines } from './shop-actions';

/** So that no two tabs join the same guest cart at once. */
const withGuestCartLock = <T,>(run: () => Promise<T>): Promise<T> =>
  typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request('oa-guest-cart', run) as Promise<T>) : run();

export function createShopData(): AppData {
  const data: AppData = createAppData({
    session: shopSession,
    loadSyncUrl: async () => (await loadPageRuntimeConfig()).syncUrl,
    openShared: openCatalogueDatabase,
    openOwn: openUserDatabase,
    removeOwn: removeUserDatabase,
    // A fresh device's first catalogue pages, already pulled for its first screen: not pulled twice.
    prefetchedPulls: () => earlyCatalogue.prefetched(),
    // The visitor's cart joins the shopper's, in one tab only, before anything is pushed.
    onSignedIn: async (catalogue, own) => {
      if (catalogue) await withGuestCartLock(() => joinGuestCart(catalogue, own.database, own.userId));
      // The join ran before the account's cart was pulled: a product it already held arrives as a
      // second line. Whenever the cart holds two lines of one product, they become one. Only the
      // tab that replicates merges, and only once its cart is in sync with the server: a line
      // removed while its own upload is still on the way comes back from the server as a conflict
      // (the server's copy wins), and merging it again would count its quantity twice. The lock
      // keeps two merges (or a merge and a join) from interleaving; two devices plan alike.
      const merging = own.database.collections.cart_items!.find({ selector: { userId: own.userId } }).$.subscribe((docs) => {
        const products = docs.map((doc) => (doc.toJSON() as { productId: string }).productId);
        if (new Set(products).size === products.length) return;
        const replication = data.getSnapshot().replication;
        if (!replication) return;
        void replication
          .awaitInSync()
          .then(() => withGuestCartLock(() => mergeCartLines(catalogue, own.database, own.userId)))
          .catch((error: unknown) => console.warn('Cart lines of one product were not merged; the next change tries again', error));
      });
      own.database.onClose.push(() => merging.unsubscribe());
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
  return data;
}
