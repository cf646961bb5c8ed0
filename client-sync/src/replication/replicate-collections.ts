/**
 * Replicates a database's collections through the sync server: one RxDB replication per
 * collection over the HTTP transport, and ONE live-stream connection for all of them whose events
 * are routed to each collection's `pull.stream$`. Refused pushes come out on `rejections$`.
 * Not for auth (tokens come from `getAccessToken`), the status view, or which collections a role may see.
 */
import type { RxDatabase, RxReplicationPullStreamItem, RxReplicationWriteToMasterRow } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import type { FetchLike, HttpTransportOptions, SyncTransport } from '../transport/create-http-transport';
import type { ServerDocument, StreamEvent } from '../transport/sync-protocol';
import { followLiveStream, type LiveStream, type LiveStreamBackoff } from './follow-live-stream';

/** What every replicated document has; the rest is the collection's (the server validates it). */
export type SyncDocument = ServerDocument;

/**
 * RxDB stacks checkpoints with Object.assign (rx-storage-helper's stackCheckpoints), so a
 * checkpoint must be an object: the server's opaque string is wrapped, never looked into.
 */
export interface PullCheckpoint {
  readonly checkpoint: string;
}

export type SyncReplicationState = RxReplicationState<SyncDocument, PullCheckpoint>;

export interface PushRejection {
  readonly collection: string;
  readonly id: string;
  readonly code: string;
  readonly message: string;
}

export interface ReplicationFailure {
  readonly collection: string;
  readonly direction: 'pull' | 'push';
  readonly error: unknown;
}

export interface ReplicateCollectionsOptions {
  readonly database: RxDatabase;
  readonly collections: readonly string[];
  readonly transport: SyncTransport;
  /** The live stream; without it the replicas follow the server only on reSync(). */
  readonly stream?: {
    readonly baseUrl: string;
    readonly getAccessToken: HttpTransportOptions['getAccessToken'];
    readonly fetch?: FetchLike;
    readonly backoff?: LiveStreamBackoff;
  };
  /** Documents per pull (the server caps a page at 1,000) and rows per push (at most 500). */
  readonly batchSize?: number;
  /** Wait before retrying a failed pull or push (RxDB's retryTime; skipped when the browser comes back online). */
  readonly retryTime?: number;
  /**
   * Only the tab that holds RxDB's leadership replicates (and holds the one stream connection);
   * the others see its writes through the shared storage. Has no effect on a database made with
   * multiInstance: false.
   */
  readonly waitForLeadership?: boolean;
}

export interface CollectionsReplication {
  readonly states: Readonly<Record<string, SyncReplicationState>>;
  /** Rows the server refused (policy, validation, business rules); the local copy has already taken the server's state. */
  readonly rejections$: Observable<PushRejection>;
  /** Every failed pull or push, with the transport's error (a SyncHttpError carries the server's code). */
  readonly failures$: Observable<ReplicationFailure>;
  /** Whether the live stream is connected right now. */
  readonly streamConnected$: Observable<boolean>;
  /** Resolves when every collection has pushed what it had and pulled what the server has. */
  awaitInSync(): Promise<void>;
  /** Pulls every collection from its checkpoint now. */
  reSync(): void;
  cancel(): Promise<void>;
}

const defaultBatchSize = 100;
/** Consecutive empty pages whose checkpoint still moved that one pull follows before handing back. */
const maxEmptyPagesPerPull = 10;

export function replicateCollections(options: ReplicateCollectionsOptions): CollectionsReplication {
  const { database, transport } = options;
  const batchSize = options.batchSize ?? defaultBatchSize;
  const rejections$ = new Subject<PushRejection>();
  const failures$ = new Subject<ReplicationFailure>();
  const streamConnected$ = new BehaviorSubject(false);
  const streams = new Map<string, Subject<RxReplicationPullStreamItem<SyncDocument, PullCheckpoint>>>();
  let cancelled = false;

  const reporting = async <T>(collection: string, direction: 'pull' | 'push', run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      failures$.next({ collection, direction, error });
      throw error; // RxDB then waits retryTime and tries again; nothing is lost.
    }
  };

  function pullPages(name: string) {
    return async (last: PullCheckpoint | undefined, size: number) =>
      reporting(name, 'pull', async () => {
        // RxDB takes a page shorter than `size` as "nothing more", while the server promises only
        // that the *last* page is empty (a first sync may end a page early). So pages are gathered
        // until the batch is full or the server has nothing more: RxDB never stops too soon.
        const documents: SyncDocument[] = [];
        let checkpoint = last?.checkpoint;
        let emptyPages = 0;
        while (documents.length < size && emptyPages < maxEmptyPagesPerPull) {
          const page = await transport.pull(name, checkpoint, size - documents.length);
          const moved = page.checkpoint !== checkpoint;
          checkpoint = page.checkpoint;
          documents.push(...page.documents);
          if (page.documents.length === 0) {
            if (!moved) break;
            emptyPages += 1;
          }
        }
        return { documents, checkpoint: checkpoint === undefined ? undefined : { checkpoint } };
      });
  }

  function pushRows(name: string) {
    return async (rows: RxReplicationWriteToMasterRow<SyncDocument>[]) =>
      reporting(name, 'push', async () => {
        // Rows go as RxDB made them; the server ignores _meta, _rev and _attachments and judges
        // `assumedMasterState` against what this caller may see of the stored document.
        const answer = await transport.push(name, rows);
        for (const rejection of answer.rejections) rejections$.next({ collection: name, ...rejection });
        // The conflicts include the authoritative state of every refused row: RxDB's default
        // conflict handler takes the server's side, so the local copy reverts and the upload
        // queue never wedges on a row the server will never accept.
        return answer.conflicts as SyncDocument[];
      });
  }

  const states: Record<string, SyncReplicationState> = {};
  for (const name of options.collections) {
    const collection = database.collections[name];
    if (!collection) throw new Error(`The database has no collection "${name}"`);
    const stream$ = new Subject<RxReplicationPullStreamItem<SyncDocument, PullCheckpoint>>();
    streams.set(name, stream$);
    // Tombstones arrive as `{ id, _deleted: true, updatedAt }` and nothing else, and refused rows
    // as `{ id, _deleted: true }` conflicts, which RxDB 17 does not pass through pull.modifier.
    // So there is deliberately no modifier and no validation wrapper on this data (see
    // create-database.ts): stored exactly as sent, the assumed master state stays equal to the
    // server's own view, which its conflict check compares against. The server validates every write.
    states[name] = replicateRxCollection<SyncDocument, PullCheckpoint>({
      replicationIdentifier: `oa-sync:${transport.baseUrl}/sync/${name}`,
      collection,
      live: true,
      retryTime: options.retryTime ?? 5000,
      waitForLeadership: options.waitForLeadership ?? true,
      pull: { handler: pullPages(name), batchSize, stream$: stream$.asObservable() },
      push: { handler: pushRows(name), batchSize: Math.min(batchSize, 500) },
    });
  }

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
        collections: options.collections,
        getAccessToken: streamOptions.getAccessToken,
        ...(streamOptions.fetch ? { fetch: streamOptions.fetch } : {}),
        ...(streamOptions.backoff ? { backoff: streamOptions.backoff } : {}),
        onEvent: route,
        onConnectedChange: (connected) => streamConnected$.next(connected),
        // Changes made while the stream was down reach no one through it: pull them. The server
        // also opens every new connection with RESYNC, which pulls again from the same checkpoint.
        onDisconnect: () => toEveryCollection('RESYNC'),
      });
    });
  }

  return {
    states,
    rejections$: rejections$.asObservable(),
    failures$: failures$.asObservable(),
    streamConnected$: streamConnected$.asObservable(),
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
      failures$.complete();
      streamConnected$.next(false);
      streamConnected$.complete();
    },
  };
}
