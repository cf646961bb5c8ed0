/**
 * The page's one admin data (client-sync's createAppData): the signed-in admin's database and its
 * one replication, run in the tab that leads it, wired to the browser (the session store and
 * /config.json).
 */
import { createAppData, loadRuntimeConfig } from '@oa/client-sync';
import { adminCollections, openAdminDatabase, readOnlyCollections, removeAdminDatabase } from '../data/databases';
import { adminSession } from './admin-session';

export const adminData = createAppData({
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
