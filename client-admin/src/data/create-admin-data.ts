/**
 * The admin app's data (client-sync's createAppData): the signed-in admin's database and its one
 * replication, run in the tab that leads it, wired to the browser (the session store and
 * /config.json). Loaded after the first paint with RxDB and Dexie (shell/admin-data.ts); nothing
 * on the first screen imports this file.
 */
import { createAppData, type AppData } from '@oa/client-sync';
import { loadPageRuntimeConfig } from '@oa/client-sync/browser';
import { adminPhotos } from '../shell/admin-photos';
import { adminSession } from '../shell/admin-session';
import { toPhotoUrlsOf } from '../features/products/photo.logic';
import { adminCollections, openAdminDatabase, readOnlyCollections, removeAdminDatabase } from './databases';

export function createAdminData(): AppData {
  return createAppData({
    session: adminSession,
    loadSyncUrl: async () => (await loadPageRuntimeConfig()).syncUrl,
    openOwn: openAdminDatabase,
    removeOwn: removeAdminDatabase,
    plan: (_shared, own) =>
      own && {
        collections: adminCollections.map((name) => own.database.collections[name]!),
        pullOnly: readOnlyCollections,
        // Orders first: on a phone on a bad connection, they are what the admin opened the app for.
        first: ['orders'],
        batchSize: 1000,
        retryTime: 2000,
        // A product goes up only after the photos it shows: a shopper never gets a product whose
        // photo the server does not have yet. Offline, the upload fails and the push waits with it.
        beforePush: async (collection, documents) => {
          if (collection === 'products') await adminPhotos.upload(toPhotoUrlsOf(documents));
        },
      },
  });
}
