/**
 * The page's one shop data, read by the shell. RxDB, Dexie and the replication are most of the
 * shop's JavaScript and none of its first paint: they load in their own chunk once the first screen
 * is on display (after-first-screen.ts), with the catalogue's copy or first page (early-catalogue.ts)
 * or "loading" (as while IndexedDB opens): their start-up is the longest work of the page, and
 * the shopper wants the products first. The service worker precaches
 * that chunk with the others, so it loads offline too. The wiring: data/create-shop-data.ts.
 */
import { deferAppData, nextTask, type SyncDatabase } from '@oa/client-sync';
import { afterFirstScreen } from './after-first-screen';
import { earlyCatalogue } from './early-catalogue';

export const shopData = deferAppData(() =>
  earlyCatalogue.settled
    .then(() => afterFirstScreen())
    // The databases' code in two chunks, each evaluated in its own task (a phone's main thread is
    // never held for all of it): Dexie with the RxDB it builds on, then the rest and the wiring.
    .then(() => import('../data/dexie-storage'))
    .then(nextTask)
    .then(() => import('../data/create-shop-data'))
    // A task of its own for opening the databases: evaluating the chunk is long enough a task already.
    .then(nextTask)
    .then(({ createShopData }) => createShopData()),
);

/** The catalogue database once open: a visitor's "Add" tapped on the early page waits for it instead of being lost. */
export function whenCatalogueOpen(): Promise<SyncDatabase> {
  return new Promise((resolve) => {
    const open = shopData.getSnapshot().shared;
    if (open) return resolve(open);
    const stop = shopData.subscribe(() => {
      const shared = shopData.getSnapshot().shared;
      if (!shared) return;
      stop();
      resolve(shared);
    });
  });
}
