/**
 * The admin app's data (client-sync's createAppData): the signed-in admin's database and its one
 * replication, run in the tab that leads it, wired to the browser (the session store and
 * /config.json). Loaded after the first paint with RxDB and Dexie (shell/admin-data.ts); nothing
 * on the first screen imports this file.
 */
import { createAppData, loadRuntimeConfig, type AppData } from '@oa/client-sync';
import { adminSession } from '../shell/admin-session';
import { adminCollections, openAdminDatabase, readOnlyCollections, removeAdminDatabase } from './databases';

export function createAdminData(): AppData {
  return createAppData({
    session: adminSession,
    loadSyncUrl: async () => (await loadRuntimeConfig(location.origin)).syncUrl,
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
      },
  });
}
