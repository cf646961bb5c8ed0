/**
 * The page's one shop data, read by the shell. RxDB, Dexie and the replication are most of the
 * shop's JavaScript and none of its first paint: they load in their own chunk once the first screen
 * is on display (after-first-screen.ts), with the catalogue's copy or first page (early-catalogue.ts)
 * or "loading" (as while IndexedDB opens): their start-up is the longest work of the page, and
 * the shopper wants the products first. The service worker precaches
 * that chunk with the others, so it loads offline too. The wiring: data/create-shop-data.ts.
 */
import { deferAppData, nextTask, type AppDataSnapshot, type SyncDatabase } from '@oa/client-sync';
import { afterFirstScreen } from './after-first-screen';
import { earlyCatalogue } from './early-catalogue';
import { shopSession } from './shop-session';

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

/**
 * A database of the shop data once it is open, or undefined once `stillWanted` says it no longer
 * is: an "Add" tapped on the early page, before the databases have opened, waits for its database
 * instead of being lost.
 */
function whenOpen(pick: (snapshot: AppDataSnapshot) => SyncDatabase | undefined, stillWanted: () => boolean = () => true): Promise<SyncDatabase | undefined> {
  return new Promise((resolve) => {
    const stops: Array<() => void> = [];
    const settle = (): boolean => {
      const open = pick(shopData.getSnapshot());
      if (!open && stillWanted()) return false;
      stops.forEach((stop) => stop());
      resolve(open);
      return true;
    };
    if (!settle()) stops.push(shopData.subscribe(settle), shopSession.subscribe(settle));
  });
}

/** The catalogue database once open (a visitor's cart lives there). */
export const whenCatalogueOpen = (): Promise<SyncDatabase | undefined> => whenOpen((snapshot) => snapshot.shared);

/** This shopper's own database once open, or undefined if they are no longer the one signed in by then. */
export const whenOwnOpen = (userId: string): Promise<SyncDatabase | undefined> =>
  whenOpen(
    (snapshot) => (snapshot.own?.userId === userId && shopSession.getSnapshot()?.userId === userId ? snapshot.own.database : undefined),
    () => shopSession.getSnapshot()?.userId === userId,
  );
