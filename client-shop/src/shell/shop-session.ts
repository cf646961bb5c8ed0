/**
 * The page's one session store: localStorage, the sync URL from /config.json, navigator.locks
 * for refreshes; and other tabs' sign-ins, sign-outs and refreshes followed through 'storage' events.
 */
import { browserLock, createSessionStore, sessionStorageKey } from '../features/account/session-store';
import { loadRuntimeConfig } from './load-runtime-config';

export const shopSession = createSessionStore({
  storage: localStorage,
  getSyncUrl: async () => (await loadRuntimeConfig()).syncUrl,
  withLock: browserLock(),
});

window.addEventListener('storage', (event) => {
  if (event.key === sessionStorageKey || event.key === null) shopSession.reload();
});
