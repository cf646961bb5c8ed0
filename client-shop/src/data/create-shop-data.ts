/**
 * The page's local data and its one replication, framework-free: the device's catalogue database
 * (opened at once, so the shop renders from IndexedDB even offline), the signed-in shopper's own
 * database, and ONE replication of both through the sync server with one live stream, run only in
 * the tab that leads the catalogue database. It follows the session: signing in adds the
 * shopper's collections (the catalogue's checkpoints carry over, nothing is downloaded again),
 * signing out removes the shopper's database from the device. Screens read `getSnapshot()`.
 */
import { createHttpTransport, isOutdatedClientError, isSyncHttpError, replicateCollections, type CollectionsReplication, type SessionStore, type SyncDatabase } from '@oa/client-sync';
import { joinGuestCart } from './shop-actions';
import { catalogueCollections, openCatalogueDatabase, openUserDatabase, ownCollections, ownPushOnlyCollections, removeUserDatabase } from './databases';

export interface UserData {
  readonly userId: string;
  readonly database: SyncDatabase;
}

export interface ShopDataSnapshot {
  readonly catalogue: SyncDatabase | undefined;
  /** The signed-in shopper's database, once open. */
  readonly user: UserData | undefined;
  /** This tab's replication: only in the tab that leads (the others see its writes through IndexedDB). */
  readonly replication: CollectionsReplication | undefined;
  /** The server no longer serves this build: replication has stopped until the app updates. */
  readonly outdated: boolean;
  /** This device could not open its storage (private mode, quota): said plainly on screen. */
  readonly problem: string | undefined;
}

export interface ShopData {
  getSnapshot(): ShopDataSnapshot;
  subscribe(listener: () => void): () => void;
  /** Stops replication, removes the shopper's database from the device, then ends the session. */
  signOut(): Promise<void>;
}

export interface ShopDataOptions {
  readonly session: SessionStore;
  /** The sync server's URL from /config.json; rejects offline before anything was cached. */
  readonly loadSyncUrl: () => Promise<string>;
  /** Runs `run` so that no other tab joins a guest cart at the same time (navigator.locks). */
  readonly withGuestCartLock: <T>(run: () => Promise<T>) => Promise<T>;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createShopData(options: ShopDataOptions): ShopData {
  const { session } = options;
  const listeners = new Set<() => void>();
  let snapshot: ShopDataSnapshot = { catalogue: undefined, user: undefined, replication: undefined, outdated: false, problem: undefined };
  const set = (changes: Partial<ShopDataSnapshot>): void => {
    snapshot = { ...snapshot, ...changes };
    listeners.forEach((listener) => listener());
  };

  const userDatabases = new Map<string, Promise<SyncDatabase>>();
  const openUser = (userId: string): Promise<SyncDatabase> => {
    let opening = userDatabases.get(userId);
    if (!opening) {
      opening = openUserDatabase(userId);
      userDatabases.set(userId, opening);
      opening.catch(() => userDatabases.delete(userId));
    }
    return opening;
  };

  const catalogue = openCatalogueDatabase();
  const syncUrl = options.loadSyncUrl().catch(() => undefined);
  catalogue.then(
    (database) => set({ catalogue: database }),
    (error: unknown) => set({ problem: messageOf(error) }),
  );

  /** Each switch waits for the one before: replications never overlap. */
  let switching: Promise<void> = Promise.resolve();
  /** Bumped on every switch, so a leadership won late starts only the latest replication. */
  let generation = 0;
  let running: CollectionsReplication | undefined;

  async function stopReplication(): Promise<void> {
    const current = running;
    running = undefined;
    if (snapshot.replication) set({ replication: undefined });
    await current?.cancel();
  }

  function startReplication(catalogueDb: SyncDatabase, user: UserData | undefined, baseUrl: string, mine: number): void {
    // One tab replicates: the one leading the catalogue database (every tab has it open). The
    // shopper's database elects on its own, so its replications do not wait for that election.
    void catalogueDb.waitForLeadership().then(() => {
      if (mine !== generation || snapshot.outdated) return;
      const getAccessToken = () => (user ? session.getAccessToken() : undefined);
      const replication = replicateCollections({
        collections: [
          ...catalogueCollections.map((name) => catalogueDb.collections[name]!),
          ...(user ? ownCollections.map((name) => user.database.collections[name]!) : []),
        ],
        pushOnly: user ? ownPushOnlyCollections.map((name) => user.database.collections[name]!) : [],
        // A fresh device shows the shop first, then the shopper's own data.
        first: catalogueCollections,
        // Nobody writes the catalogue from the shop (the server would refuse it anyway).
        pullOnly: catalogueCollections,
        transport: createHttpTransport({ baseUrl, getAccessToken }),
        stream: { baseUrl, getAccessToken, backoff: { initialMs: 500, maxMs: 8000 } },
        waitForLeadership: false,
        // Five server pages per local write: fewer, larger IndexedDB transactions make a fresh
        // device's first sync of 10,000 products about a third faster (npm run bench:shop).
        batchSize: 5000,
        retryTime: 2000,
      });
      replication.failures$.subscribe(({ error }) => {
        if (isOutdatedClientError(error)) {
          // Retrying cannot help; the update prompt can. Local writes wait in IndexedDB.
          set({ outdated: true });
          void stopReplication();
        } else if (user && isSyncHttpError(error) && error.code === 'TOKEN_EXPIRED') {
          // The clocks disagreed (or the device slept): refresh, then pull again.
          void session.refresh().then(() => replication.reSync());
        } else if (user && isSyncHttpError(error) && (error.code === 'SESSION_ENDED' || error.code === 'TOKEN_INVALID')) {
          // Signed out from another device (or the key changed): a refresh tells which. If the
          // server refuses it, the session store forgets the tokens and the shop asks for a new
          // sign-in; what waits on the device stays there until then.
          void session.refresh();
        }
      });
      running = replication;
      set({ replication });
    });
  }

  function follow(userId: string | undefined): void {
    const mine = ++generation;
    switching = switching
      .catch(() => undefined)
      .then(async () => {
        await stopReplication();
        const catalogueDb = await catalogue;
        const previous = snapshot.user;
        if (previous && previous.userId !== userId) {
          // Another tab signed out (or in as someone else): let go of the old shopper's database.
          set({ user: undefined });
          userDatabases.delete(previous.userId);
          await previous.database.close().catch(() => undefined);
        }
        let user: UserData | undefined;
        if (userId) {
          user = { userId, database: await openUser(userId) };
          // The visitor's cart joins the shopper's, in one tab only, before anything is pushed.
          await options.withGuestCartLock(() => joinGuestCart(catalogueDb, user!.database, userId));
        }
        if (mine !== generation) return;
        set({ user });
        const baseUrl = await syncUrl;
        if (baseUrl && mine === generation) startReplication(catalogueDb, user, baseUrl, mine);
      })
      .catch((error: unknown) => set({ problem: messageOf(error) }));
  }

  let followed = session.getSnapshot()?.userId;
  follow(followed);
  session.subscribe(() => {
    const userId = session.getSnapshot()?.userId;
    if (userId === followed) return;
    followed = userId;
    follow(userId);
  });

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async signOut() {
      const user = snapshot.user;
      generation += 1;
      await switching.catch(() => undefined);
      await stopReplication();
      set({ user: undefined });
      if (user) {
        userDatabases.delete(user.userId);
        await removeUserDatabase(user.database, user.userId);
      }
      // Ending the session starts the visitor's replication again (through subscribe above).
      await session.signOut();
    },
  };
}
