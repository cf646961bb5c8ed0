/**
 * Replicates collections (of one database or several) through the sync server: one RxDB
 * replication per collection over the HTTP transport, and ONE live-stream connection for all of
 * them whose events are routed to each collection's `pull.stream$`. Refused pushes come out on
 * `rejections$`, first-sync progress on `progress$`; chosen collections can be pulled first.
 * Not for auth (tokens come from `getAccessToken`), the status view, or which collections a role may see.
 */
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import type { FetchLike, HttpTransportOptions, SyncTransport } from '../transport/create-http-transport';
import type { ServerDocument, StreamEvent } from '../transport/sync-protocol';
import { followLiveStream, type LiveStream, type LiveStreamBackoff } from './follow-live-stream';
import { pullIntoEmpty } from './pull-into-empty';
import { createPullHandler, type PullCheckpoint } from './pull-handler';
import { createPushHandler, type PushConflict, type PushHandlerOptions, type PushRejection } from './push-handler';

export type { PullCheckpoint } from './pull-handler';
export type { PushConflict, PushRejection } from './push-handler';
import { refusedRowsOf } from './refused-rows';

/** What every replicated document has; the rest is the collection's (the server validates it). */
export type SyncDocument = ServerDocument;

export type SyncReplicationState = RxReplicationState<SyncDocument, PullCheckpoint>;

export interface ReplicationFailure {
  /** The collection, or '*' for the live stream shared by all of them. */
  readonly collection: string;
  readonly direction: 'pull' | 'push' | 'stream';
  readonly error: unknown;
}

/** How far a collection's pulls have come since this replication started (its first sync, on a fresh device). */
export interface PullProgress {
  readonly collection: string;
  /** Documents received so far. */
  readonly received: number;
  /** The first pull has caught up with the server. */
  readonly caughtUp: boolean;
}

export interface ReplicateCollectionsOptions {
  /**
   * The collections to replicate, from one database or several (a device's catalogue and a
   * signed-in user's own data), all over one transport and one live stream.
   */
  readonly collections: readonly RxCollection[];
  readonly transport: SyncTransport;
  /** The live stream; without it the replicas follow the server only on reSync(). */
  readonly stream?: {
    readonly baseUrl: string;
    readonly getAccessToken: HttpTransportOptions['getAccessToken'];
    readonly fetch?: FetchLike;
    readonly backoff?: LiveStreamBackoff;
  };
  /**
   * Documents per pull batch, gathered from as many server pages (of at most 1,000) as it takes,
   * and rows per push (at most 500). Larger pull batches mean fewer, larger IndexedDB
   * transactions on a first sync.
   */
  readonly batchSize?: number;
  /** Wait before retrying a failed pull or push (RxDB's retryTime; skipped when the browser comes back online). */
  readonly retryTime?: number;
  /**
   * Only the tab that holds RxDB's leadership replicates (and holds the one stream connection);
   * the others see its writes through the shared storage. Has no effect on a database made with
   * multiInstance: false. With collections of several databases, pass false and start the
   * replication once this tab leads the one database whose election decides (each database
   * elects on its own, and two tabs must never both replicate).
   */
  readonly waitForLeadership?: boolean;
  /**
   * Collections whose local writes are pushed but which pull nothing (a shopper's own reviews:
   * the reviews they read arrive with the catalogue). Their states are keyed `<name>:push`.
   */
  readonly pushOnly?: readonly RxCollection[];
  /**
   * Collections only pulled (a shop's catalogue: its readers may not write it). RxDB then keeps
   * no per-document pull metadata for them, which halves the writes of a first sync.
   */
  readonly pullOnly?: readonly string[];
  /**
   * For pull-only collections that are empty on this device: pull them into it with bulk inserts
   * first (pull-into-empty.ts), then replicate from where that ended. A fresh device's first sync
   * of a large catalogue is much faster; the result is the same.
   */
  readonly bulkFirstSync?: boolean;
  /**
   * Collections pulled first (the catalogue): the others start once these have caught up, so a
   * fresh device shows the shop before the shopper's own data.
   */
  readonly first?: readonly string[];
  /**
   * Runs before each push with the documents about to be sent; a rejection fails that push, which
   * is retried (the admin app uploads a product's new photos first: push-handler.ts).
   */
  readonly beforePush?: PushHandlerOptions['beforePush'];
}

export interface CollectionsReplication {
  readonly states: Readonly<Record<string, SyncReplicationState>>;
  /** Rows the server refused (policy, validation, business rules); the local copy has already taken the server's state. */
  readonly rejections$: Observable<PushRejection>;
  /** Rows another writer changed first (not refused ones: those are on rejections$). */
  readonly conflicts$: Observable<PushConflict>;
  /** Every failed pull, push or stream connection, with the transport's error (a SyncHttpError carries the server's code). */
  readonly failures$: Observable<ReplicationFailure>;
  /** Whether the live stream is connected right now. */
  readonly streamConnected$: Observable<boolean>;
  /** Per collection, the documents pulled so far and whether its first pull has caught up. */
  readonly progress$: Observable<readonly PullProgress[]>;
  /** Resolves when every collection has pushed what it had and pulled what the server has. */
  awaitInSync(): Promise<void>;
  /** Pulls every collection from its checkpoint now. */
  reSync(): void;
  cancel(): Promise<void>;
}

const defaultBatchSize = 100;

export function replicateCollections(options: ReplicateCollectionsOptions): CollectionsReplication {
  const { transport } = options;
  const batchSize = options.batchSize ?? defaultBatchSize;
  const rejections$ = new Subject<PushRejection>();
  const conflicts$ = new Subject<PushConflict>();
  const failures$ = new Subject<ReplicationFailure>();
  const streamConnected$ = new BehaviorSubject(false);
  const progress = new Map<string, PullProgress>();
  const progress$ = new BehaviorSubject<readonly PullProgress[]>([]);
  const streams = new Map<string, Subject<RxReplicationPullStreamItem<SyncDocument, PullCheckpoint>>>();
  let cancelled = false;

  const setProgress = (next: PullProgress): void => {
    progress.set(next.collection, next);
    progress$.next([...progress.values()]);
  };

  const reporting = async <T>(collection: string, direction: 'pull' | 'push', run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      failures$.next({ collection, direction, error });
      throw error; // RxDB then waits retryTime and tries again; nothing is lost.
    }
  };

  const pullPages = (name: string) =>
    createPullHandler({
      collection: name,
      transport,
      report: (run) => reporting(name, 'pull', run),
      // Told page by page: a batch may gather several pages, and a first sync wants to show it moving.
      onPage: (documents) => {
        const before = progress.get(name);
        setProgress({ collection: name, received: (before?.received ?? 0) + documents, caughtUp: before?.caughtUp ?? false });
      },
    });

  const pushRows = (collection: RxCollection) =>
    createPushHandler({
      collection: collection.name,
      transport,
      refused: refusedRowsOf(collection.database, collection.name),
      report: (run) => reporting(collection.name, 'push', run),
      onRejection: (rejection) => rejections$.next(rejection),
      onConflict: (conflict) => conflicts$.next(conflict),
      currentStates: async (ids) => {
        const docs = await collection.storageInstance.findDocumentsById([...ids], true);
        return new Map(docs.map((doc) => [String(doc.id), doc as unknown as SyncDocument]));
      },
      ...(options.beforePush ? { beforePush: options.beforePush } : {}),
    });

  const firstNames = new Set(options.first ?? []);
  const pullOnly = new Set(options.pullOnly ?? []);
  const states: Record<string, SyncReplicationState> = {};
  for (const collection of options.collections) {
    const name = collection.name;
    if (states[name]) throw new Error(`Collection "${name}" is given twice`);
    const stream$ = new Subject<RxReplicationPullStreamItem<SyncDocument, PullCheckpoint>>();
    streams.set(name, stream$);
    setProgress({ collection: name, received: 0, caughtUp: false });
    // Tombstones arrive as `{ id, _deleted: true, updatedAt }` and nothing else, and refused rows
    // as `{ id, _deleted: true }` conflicts, which RxDB 17 does not pass through pull.modifier.
    // So there is deliberately no modifier and no validation wrapper on this data (see
    // create-database.ts): stored exactly as sent, the assumed master state stays equal to the
    // server's own view, which its conflict check compares against. The server validates every write.
    const state = replicateRxCollection<SyncDocument, PullCheckpoint>({
      replicationIdentifier: `oa-sync:${transport.baseUrl}/sync/${name}`,
      collection: collection as RxCollection<SyncDocument>,
      live: true,
      retryTime: options.retryTime ?? 5000,
      waitForLeadership: options.waitForLeadership ?? true,
      // RxDB would start a follower tab's replication whenever that tab becomes visible; only
      // the leader replicates here (one live stream per device, whichever tab is in front).
      toggleOnDocumentVisible: false,
      // Started below, in order: the first collections (after a bulk first sync where it applies), then the rest.
      autoStart: false,
      pull: { handler: pullPages(name), batchSize, stream$: stream$.asObservable() },
      ...(pullOnly.has(name) ? {} : { push: { handler: pushRows(collection), batchSize: Math.min(batchSize, 500) } }),
    });
    states[name] = state;
    void state.awaitInitialReplication().then(
      () => setProgress({ collection: name, received: progress.get(name)?.received ?? 0, caughtUp: true }),
      () => undefined, // cancelled before it caught up
    );
  }

  for (const collection of options.pushOnly ?? []) {
    const key = `${collection.name}:push`;
    if (states[key]) throw new Error(`Collection "${collection.name}" is given twice to push only`);
    states[key] = replicateRxCollection<SyncDocument, PullCheckpoint>({
      replicationIdentifier: `oa-sync:${transport.baseUrl}/sync/${collection.name}/push-only`,
      collection: collection as RxCollection<SyncDocument>,
      live: true,
      retryTime: options.retryTime ?? 5000,
      waitForLeadership: options.waitForLeadership ?? true,
      toggleOnDocumentVisible: false,
      autoStart: false,
      push: { handler: pushRows(collection), batchSize: Math.min(batchSize, 500) },
    });
  }

  const bulkNames = new Set(options.bulkFirstSync ? [...pullOnly] : []);
  const waitForLeadership = options.waitForLeadership ?? true;
  const collectionsByKey = new Map<string, RxCollection>([
    ...options.collections.map((collection) => [collection.name, collection] as const),
    ...(options.pushOnly ?? []).map((collection) => [`${collection.name}:push`, collection] as const),
  ]);

  async function startOne(key: string): Promise<void> {
    const state = states[key]!;
    const collection = collectionsByKey.get(key)!;
    // As RxDB's autoStart would: only the leading tab replicates.
    if (waitForLeadership && collection.database.multiInstance) await collection.database.waitForLeadership();
    if (cancelled) return;
    if (bulkNames.has(key) && state.pull && (await collection.count().exec()) === 0) {
      try {
        const checkpoint = await pullIntoEmpty({
          collection,
          transport,
          batchSize,
          isCancelled: () => cancelled,
          onPage: (documents) => {
            const before = progress.get(key);
            setProgress({ collection: key, received: (before?.received ?? 0) + documents, caughtUp: false });
          },
        });
        if (checkpoint !== undefined) state.pull.initialCheckpoint = { checkpoint };
      } catch (error) {
        // The replication's own pulls take over from the start (upserting what arrived).
        failures$.next({ collection: key, direction: 'pull', error });
      }
    }
    if (!cancelled) await state.start();
  }

  const keys = Object.keys(states);
  const earlier = keys.filter((key) => firstNames.size === 0 || firstNames.has(key));
  const later = keys.filter((key) => !earlier.includes(key));
  void Promise.all(earlier.map(startOne))
    .then(() => Promise.all(earlier.map((key) => states[key]!.awaitInitialReplication())))
    .then(() => Promise.all(later.map(startOne)))
    .catch(() => undefined); // cancelled meanwhile

  const toEveryCollection = (item: 'RESYNC'): void => {
    for (const stream$ of streams.values()) stream$.next(item);
  };
  const route = (event: StreamEvent): void => {
    if (event === 'RESYNC') return toEveryCollection('RESYNC');
    streams.get(event.collection)?.next({ documents: event.documents, checkpoint: { checkpoint: event.checkpoint } });
  };

  let live: LiveStream | undefined;
  const streamOptions = options.stream;
  if (streamOptions) {
    // Opened once every replication has started: in a tab that is not the leader they never
    // start, so only the leading tab holds a connection (browsers allow about six per site).
    void Promise.all(Object.values(states).map((state) => state.startPromise)).then(() => {
      if (cancelled) return;
      live = followLiveStream({
        baseUrl: streamOptions.baseUrl,
        collections: [...streams.keys()],
        getAccessToken: streamOptions.getAccessToken,
        ...(streamOptions.fetch ? { fetch: streamOptions.fetch } : {}),
        ...(streamOptions.backoff ? { backoff: streamOptions.backoff } : {}),
        onEvent: route,
        onConnectedChange: (connected) => streamConnected$.next(connected),
        // Changes made while the stream was down reach no one through it: pull them. The server
        // also opens every new connection with RESYNC, which pulls again from the same checkpoint.
        onDisconnect: (error) => {
          if (error !== undefined) failures$.next({ collection: '*', direction: 'stream', error });
          toEveryCollection('RESYNC');
        },
      });
    });
  }

  return {
    states,
    rejections$: rejections$.asObservable(),
    conflicts$: conflicts$.asObservable(),
    failures$: failures$.asObservable(),
    streamConnected$: streamConnected$.asObservable(),
    progress$: progress$.asObservable(),
    async awaitInSync() {
      await Promise.all(Object.values(states).map((state) => state.awaitInSync()));
    },
    reSync() {
      for (const state of Object.values(states)) state.reSync();
    },
    async cancel() {
      cancelled = true;
      await live?.close();
      await Promise.all(Object.values(states).map((state) => state.cancel()));
      for (const stream$ of streams.values()) stream$.complete();
      rejections$.complete();
      conflicts$.complete();
      failures$.complete();
      progress$.complete();
      streamConnected$.next(false);
      streamConnected$.complete();
    },
  };
}
