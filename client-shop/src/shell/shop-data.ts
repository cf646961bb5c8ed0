/**
 * The page's one ShopData (databases and replication, see data/create-shop-data.ts), wired to the
 * browser: the session store, /config.json and navigator.locks for joining a guest cart.
 */
import { createShopData } from '../data/create-shop-data';
import { loadRuntimeConfig } from '@oa/client-sync';
import { shopSession } from './shop-session';

const withGuestCartLock = <T,>(run: () => Promise<T>): Promise<T> =>
  typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request('oa-guest-cart', run) as Promise<T>) : run();

export const shopData = createShopData({
  session: shopSession,
  loadSyncUrl: async () => (await loadRuntimeConfig(location.origin)).syncUrl,
  withGuestCartLock,
});
