/**
 * An app's local data and its one replication, framework-free: an optional database every visitor
 * of the device shares (the shop's catalogue: opened at once, so the app renders from IndexedDB
 * even offline), the signed-in person's own database, and ONE replication of both through the
 * sync server with one live stream, run only in the tab that leads (the shared database's
 * election, else the person's own). It follows the session: signing in adds the person's
 * collections, another tab's sign-out lets go of them, `signOut` removes them from the device, and
 * a session the server ended (signed out elsewhere) stops all replication until the next sign-in
 * (auth/session-state.ts). The app's screens read `getSnapshot()`.
 */
import type { SessionStore } from '../auth/session-store';
import { toSessionDataPlan, toSessionState, toSessionStateKey } from '../auth/session-state';
import type { SyncDatabase } from '../create-database';
import { followAuthFailures } from '../replication/follow-auth-failures';
import { replicateCollections, type CollectionsReplication, type ReplicateCollectionsOptions } from '../replication/replicate-collections';
import { createHttpTransport } from '../transport/create-http-transport';
import { withPrefetchedPulls, type PrefetchedPulls } from '../transport/prefetched-pulls';

export interface OwnData {
  readonly userId: string;
  readonly database: SyncDatabase;
}

export interface AppDataSnapshot {
  /** The device's shared database, once open (none in an app without one). */
  readonly shared: SyncDatabase | undefined;
  /** The signed-in person's database, once open. */
  readonly own: OwnData | undefined;
  /** This tab's replication: only in the tab that leads (the others see its writes through IndexedDB). */
  readonly replication: CollectionsReplication | undefined;
  /** The server no longer serves this build: replication has stopped until the app updates. */
  readonly outdated: boolean;
  /** This device could not open its storage (private mode, quota): said plainly on screen. */
  readonly problem: string | undefined;
  /**
   * /config.json could not be loaded (offline before it was ever cached), so this page does not
   * know where the sync server is and replicates nothing until it is loaded again.
   */
  readonly syncUrlMissing?: boolean;
}

export interface AppData {
  getSnapshot(): AppDataSnapshot;
  subscribe(listener: () => void): () => void;
  /** Stops replication, removes the person's database from the device, then ends the session. */
  signOut(): Promise<void>;
}

/** What to replicate with the databases open now (the transport, stream and leadership are added). */
export type ReplicationPlan = Omit<ReplicateCollectionsOptions, 'transport' | 'stream' | 'waitForLeadership'>;

export interface AppDataOptions {
  readonly session: SessionStore;
  /** The sync server's URL from /config.json; rejects offline before anything was cached. */
  readonly loadSyncUrl: () => Promise<string>;
  readonly openShared?: () => Promise<SyncDatabase>;
  readonly openOwn: (userId: string) => Promise<SyncDatabase>;
  /** Deletes the person's database from the device (RxDB's remove, and what the storage leaves). */
  readonly removeOwn: (database: SyncDatabase, userId: string) => Promise<void>;
  readonly plan: (shared: SyncDatabase | undefined, own: OwnData | undefined) => ReplicationPlan | undefined;
  /** Runs once the person's database is open, before anything is replicated (the shop joins a guest cart). */
  readonly onSignedIn?: (shared: SyncDatabase | undefined, own: OwnData) => Promise<void>;
  /** First pages the app pulled anonymously before this loaded (the shop's first screen): a visitor's replication starts from them. */
  readonly prefetchedPulls?: () => PrefetchedPulls | undefined;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createAppData(options: AppDataOptions): AppData {
  const { session } = options;
  const listeners = new Set<() => void>();
  let snapshot: AppDataSnapshot = { shared: undefined, own: undefined, replication: undefined, outdated: false, problem: undefined };
  const set = (changes: Partial<AppDataSnapshot>): void => {
    snapshot = { ...snapshot, ...changes };
    listeners.forEach((listener) => listener());
  };

  const ownDatabases = new Map<string, Promise<SyncDatabase>>();
  const openOwn = (userId: string): Promise<SyncDatabase> => {
    let opening = ownDatabases.get(userId);
    if (!opening) {
      opening = options.openOwn(userId);
      ownDatabases.set(userId, opening);
      opening.catch(() => ownDatabases.delete(userId));
    }
    return opening;
  };

  const shared = options.openShared?.();
  shared?.then(
    (database) => set({ shared: database }),
    (error: unknown) => set({ problem: messageOf(error) }),
  );
  const syncUrl = options.loadSyncUrl().catch(() => {
    set({ syncUrlMissing: true });
    return undefined;
  });

  /** The person's databases `onSignedIn` has run for. */
  const joined = new WeakSet<SyncDatabase>();
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

  function startReplication(sharedDb: SyncDatabase | undefined, own: OwnData | undefined, baseUrl: string, mine: number): void {
    const leader = sharedDb ?? own?.database;
    const plan = options.plan(sharedDb, own);
    if (!leader || !plan) return;
    // One tab replicates: the one leading the database every tab of this app has open. Another
    // database of the same tabs elects on its own, so the replications do not wait for that one.
    void leader.waitForLeadership().then(() => {
      if (mine !== generation || snapshot.outdated) return;
      const getAccessToken = () => (own ? session.getAccessToken() : undefined);
      const transport = createHttpTransport({ baseUrl, getAccessToken });
      const replication = replicateCollections({
        ...plan,
        // Prefetched pages were pulled anonymously: a signed-in person's pulls go to the server.
        transport: own ? transport : withPrefetchedPulls(transport, options.prefetchedPulls?.()),
        stream: { baseUrl, getAccessToken, backoff: { initialMs: 500, maxMs: 8000 } },
        waitForLeadership: false,
      });
      followAuthFailures(replication, own ? session : undefined, () => {
        // Retrying cannot help; the update prompt can. Local writes wait in IndexedDB.
        set({ outdated: true });
        void stopReplication();
      });
      running = replication;
      set({ replication });
    });
  }

  function follow(userId: string | undefined, replicate: boolean): void {
    const mine = ++generation;
    switching = switching
      .catch(() => undefined)
      .then(async () => {
        await stopReplication();
        const sharedDb = await shared;
        const previous = snapshot.own;
        if (previous && previous.userId !== userId) {
          // Another tab signed out (or in as someone else): let go of the old person's database.
          set({ own: undefined });
          ownDatabases.delete(previous.userId);
          await previous.database.close().catch(() => undefined);
        }
        let own: OwnData | undefined;
        if (userId) {
          own = { userId, database: await openOwn(userId) };
          // Once per opened database, and only on a real sign-in: signed out elsewhere, the cart
          // stays the person's, and signing in again finds the database already joined.
          if (replicate && !joined.has(own.database)) {
            await options.onSignedIn?.(sharedDb, own);
            joined.add(own.database);
          }
        }
        if (mine !== generation) return;
        set({ own });
        const baseUrl = await syncUrl;
        // Signed out elsewhere: every request would be refused and retried; nothing is sent until
        // the next sign-in, while the person's database (and what waits in it) stays open.
        if (baseUrl && replicate && mine === generation) startReplication(sharedDb, own, baseUrl, mine);
      })
      .catch((error: unknown) => set({ problem: messageOf(error) }));
  }

  const followSession = (): void => {
    const plan = toSessionDataPlan(toSessionState(session.getSnapshot()));
    follow(plan.ownUserId, plan.replicate);
  };
  // A refreshed token keeps the key; a sign-in, a sign-out or a refused refresh changes it.
  let followed = toSessionStateKey(toSessionState(session.getSnapshot()));
  followSession();
  session.subscribe(() => {
    const key = toSessionStateKey(toSessionState(session.getSnapshot()));
    if (key === followed) return;
    followed = key;
    followSession();
  });

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async signOut() {
      const own = snapshot.own;
      generation += 1;
      await switching.catch(() => undefined);
      await stopReplication();
      set({ own: undefined });
      if (own) {
        ownDatabases.delete(own.userId);
        await options.removeOwn(own.database, own.userId);
      }
      // Ending the session starts the visitor's replication again, if there is one (subscribe above).
      await session.signOut();
    },
  };
}
