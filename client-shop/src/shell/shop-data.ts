/**
 * The page's one shop data, read by the shell. RxDB, Dexie and the replication are most of the
 * shop's JavaScript and none of its first paint: they load in their own chunk right after, while
 * the shell shows the catalogue loading (as it does while IndexedDB opens). The service worker
 * precaches that chunk with the others, so it loads offline too. The wiring: data/create-shop-data.ts.
 */
import { deferAppData } from '@oa/client-sync';

export const shopData = deferAppData(() => import('../data/create-shop-data').then(({ createShopData }) => createShopData()));
