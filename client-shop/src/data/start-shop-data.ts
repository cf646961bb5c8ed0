/**
 * Opens the page's one database and starts its one replication, once per page whatever React
 * does with effects (RxDB refuses a second database of the same name while one is open).
 * Without the runtime configuration (offline, nothing cached) the saved catalogue still shows
 * and replication does not start.
 */
import type { CollectionsReplication, SyncDatabase } from '@oa/client-sync';
import { loadRuntimeConfig } from '../shell/load-runtime-config';
import { openShopDatabase, replicateCatalogue } from './open-shop-database';


let started: Promise<{ database: SyncDatabase; replication: CollectionsReplication | undefined }> | undefined;

export function startShopData(): Promise<{ database: SyncDatabase; replication: CollectionsReplication | undefined }> {
  started ??= (async () => {
    const database = await openShopDatabase();
    const config = await loadRuntimeConfig().catch(() => undefined);
    return { database, replication: config ? replicateCatalogue(database, config.syncUrl) : undefined };
  })();
  return started;
}
