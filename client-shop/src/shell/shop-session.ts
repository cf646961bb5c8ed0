/**
 * The page's one session store: localStorage, the sync URL from /config.json, navigator.locks
 * for refreshes; and other tabs' sign-ins, sign-outs and refreshes followed through 'storage' events.
 */
import { createSessionStore } from '@oa/client-sync';
import { browserLock, loadPageRuntimeConfig } from '@oa/client-sync/browser';

export const shopSession = createSessionStore({
  storage: localStorage,
  storageKey: 'oa-shop-session',
  role: 'customer',
  getSyncUrl: async () => (await loadPageRuntimeConfig()).syncUrl,
  withLock: browserLock('oa-shop-refresh'),
});

window.addEventListener('storage', (event) => {
  if (event.key === shopSession.storageKey || event.key === null) shopSession.reload();
});
