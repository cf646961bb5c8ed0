/**
 * Opens the page's anonymous database once per page whatever React does with effects (RxDB
 * refuses a second database of the same name while one is open), and runs its replication only
 * while no one is signed in: a signed-in tab shows the catalogue from the shopper's own database,
 * whose replication holds the client's one live stream. Signing in cancels the anonymous
 * replication (its local data stays, for signing out); signing out starts it again.
 * Without the runtime configuration (offline, nothing cached) the saved catalogue still shows
 * and replication does not start.
 */
import type { CollectionsReplication, SyncDatabase } from '@oa/client-sync';
import { loadRuntimeConfig } from '../shell/load-runtime-config';
import { openShopDatabase, replicateCatalogue } from './open-shop-database';

let opened: Promise<{ database: SyncDatabase; syncUrl: string | undefined }> | undefined;
let replication: CollectionsReplication | undefined;
/** Starts and cancels, one after another. */
let switching: Promise<CollectionsReplication | undefined> = Promise.resolve(undefined);

export async function startShopData(): Promise<SyncDatabase> {
  opened ??= (async () => {
    const database = await openShopDatabase();
    const config = await loadRuntimeConfig().catch(() => undefined);
    return { database, syncUrl: config?.syncUrl };
  })();
  return (await opened).database;
}

/** Starts (active) or cancels the anonymous replication; resolves to the one running, if any. */
export function setAnonymousReplication(active: boolean): Promise<CollectionsReplication | undefined> {
  switching = switching
    .catch(() => undefined)
    .then(async () => {
      if (!opened) await startShopData();
      const { database, syncUrl } = await opened!;
      if (active && !replication && syncUrl) replication = replicateCatalogue(database, syncUrl);
      if (!active && replication) {
        const running = replication;
        replication = undefined;
        await running.cancel();
      }
      return replication;
    });
  return switching;
}
