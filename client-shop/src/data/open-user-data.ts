/**
 * A signed-in shopper's own database (named after their id, so signing out removes exactly it),
 * replicating the catalogue, their cart lines and orders with their access token; and its removal
 * on sign-out, IndexedDB databases included (shared phones). Once per page and user, whatever React does.
 */
import { createHttpTransport, createSyncDatabase, isSyncHttpError, replicateCollections, type CollectionsReplication, type SyncDatabase } from '@oa/client-sync';
import type { CollectionName } from '@oa/schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { SessionStore } from '../features/account/session-store';
import { loadRuntimeConfig } from '../shell/load-runtime-config';

export const userCollections: readonly CollectionName[] = ['categories', 'products', 'cart_items', 'orders'];

export interface UserData {
  readonly userId: string;
  readonly database: SyncDatabase;
  readonly replication: CollectionsReplication | undefined;
}

export const toUserDatabaseName = (userId: string): string => `oa-shop-user-${userId.toLowerCase()}`;

const opened = new Map<string, Promise<UserData>>();

export function openUserData(userId: string, session: SessionStore): Promise<UserData> {
  let data = opened.get(userId);
  if (!data) {
    data = (async () => {
      const database = await createSyncDatabase({ name: toUserDatabaseName(userId), storage: getRxStorageDexie(), collections: userCollections, multiInstance: true });
      const config = await loadRuntimeConfig().catch(() => undefined);
      return { userId, database, replication: config ? replicateUserData(database, config.syncUrl, session) : undefined };
    })();
    opened.set(userId, data);
  }
  return data;
}

function replicateUserData(database: SyncDatabase, syncUrl: string, session: SessionStore): CollectionsReplication {
  const getAccessToken = () => session.getAccessToken();
  const replication = replicateCollections({
    database,
    collections: userCollections,
    transport: createHttpTransport({ baseUrl: syncUrl, getAccessToken }),
    stream: { baseUrl: syncUrl, getAccessToken, backoff: { initialMs: 500, maxMs: 4000 } },
    batchSize: 500,
    retryTime: 2000,
  });
  // The clocks disagreed: the server says the token expired before we thought. Refresh, pull again.
  replication.failures$.subscribe(({ error }) => {
    if (isSyncHttpError(error) && error.code === 'TOKEN_EXPIRED') void session.refresh().then(() => replication.reSync());
  });
  return replication;
}

/** Stops replication and deletes the user's database from this device. */
export async function removeUserData(userId: string): Promise<void> {
  const data = opened.get(userId);
  opened.delete(userId);
  if (!data) return;
  const { database, replication } = await data;
  await replication?.cancel();
  await database.remove();
  await deleteEmptiedDatabases(`rxdb-dexie-${toUserDatabaseName(userId)}--`);
}

/** RxDB's Dexie storage empties its IndexedDB databases on remove() but leaves them, named after the user: delete them too. */
async function deleteEmptiedDatabases(prefix: string): Promise<void> {
  const all = (await indexedDB.databases?.().catch(() => [])) ?? [];
  const deleting = all
    .map((info) => info.name)
    .filter((name): name is string => name?.startsWith(prefix) === true)
    .map((name) => new Promise<void>((done) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = () => done();
    }));
  await Promise.all(deleting);
}
