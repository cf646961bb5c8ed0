/**
 * The page's one admin session store: the admins' sign-in door (/auth/admin/login), its own
 * localStorage key (never the shop's), /config.json for the sync URL, navigator.locks for
 * refreshes; other tabs' sign-ins, sign-outs and refreshes followed through 'storage' events.
 */
import { createSessionStore } from '@oa/client-sync';
import { browserLock, loadPageRuntimeConfig } from '@oa/client-sync/browser';

export const adminSession = createSessionStore({
  storage: localStorage,
  storageKey: 'oa-admin-session',
  role: 'admin',
  getSyncUrl: async () => (await loadPageRuntimeConfig()).syncUrl,
  withLock: browserLock('oa-admin-refresh'),
});

window.addEventListener('storage', (event) => {
  if (event.key === adminSession.storageKey || event.key === null) adminSession.reload();
});
