/**
 * The page's one admin data, read by the shell. RxDB, Dexie, the document migrations and the
 * replication are most of the app's JavaScript and none of its first paint: they load in their own
 * chunk right after; until then the shell shows the sign-in, as it does while IndexedDB opens. The
 * service worker precaches that chunk too, so it loads offline. The wiring: data/create-admin-data.ts.
 */
import { deferAppData } from '@oa/client-sync';

export const adminData = deferAppData(() => import('../data/create-admin-data').then(({ createAdminData }) => createAdminData()));
