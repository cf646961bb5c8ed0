/**
 * The sync status anyone can read at a glance: online or not, how many local changes wait to be
 * uploaded, when the replicas were last in sync with the server, and the last error (by its
 * stable code). Derived from the replication states' observables by a pure reducer; not a view.
 */
import { defer, distinctUntilChanged, map, merge, mergeMap, of, scan, shareReplay, startWith, tap, type Observable } from 'rxjs';
import { isSyncHttpError } from '../transport/sync-http-error';

export interface SyncStatus {
  readonly online: boolean;
  /** Documents written locally and not yet answered by the server (taken, or answered with its state). */
  readonly pendingUploads: number;
  /** Which ones: `<collection>/<id>`, so a screen can mark a row as still waiting. */
  readonly pendingKeys: ReadonlySet<string>;
  /** When every replication last went idle, i.e. had pushed and pulled everything. */
  readonly lastSyncedAt: Date | undefined;
  /** The last failure since then; cleared by the next time everything is in sync. */
  readonly error?: {
    readonly code: string;
    readonly message: string;
    /** The HTTP status of a SyncHttpError (0: no answer at all), so "can't reach" tells from "refused". */
    readonly httpStatus?: number;
  };
}

/** The parts of an RxReplicationState (and its collection) the status reads. */
export interface ReplicationLike {
  readonly collection: {
    readonly name: string;
    readonly eventBulks$: Observable<{ readonly context: string; readonly events: ReadonlyArray<{ readonly documentId: string }> }>;
  };
  /** Absent for a pull-only replication: its collection's writes are never uploaded, so never wait. */
  readonly push?: unknown;
  readonly active$: Observable<boolean>;
  readonly sent$: Observable<{ readonly id: string }>;
  readonly conflict$: Observable<{ readonly input: { readonly realMasterState: { readonly id: string } } }>;
}

export interface SyncStatusSources {
  readonly replications: readonly ReplicationLike[];
  readonly failures$: Observable<{ readonly error: unknown }>;
  /** Whether the app can reach the server: the stream's connection, navigator.onLine, or both. */
  readonly online$: Observable<boolean>;
  readonly now?: () => Date;
  /**
   * Where the waiting keys are kept across reloads (localStorage in the browser): after a reload
   * RxDB uploads what it had not, but the app's write events are gone, so the count starts from
   * what was saved. Those restored keys are dropped once everything is in sync.
   */
  readonly persistence?: PendingPersistence;
  /** Where the last in-sync time is kept across reloads (localStorage): "Last synced" survives an offline reload. */
  readonly lastSynced?: LastSyncedPersistence;
}

export interface LastSyncedPersistence {
  load(): Date | undefined;
  save(at: Date): void;
}

export interface PendingPersistence {
  load(): readonly string[];
  save(keys: readonly string[]): void;
}

export type SyncStatusEvent =
  | { readonly kind: 'online'; readonly online: boolean }
  | { readonly kind: 'restore'; readonly keys: readonly string[] }
  | { readonly kind: 'local-write'; readonly key: string }
  | { readonly kind: 'answered'; readonly key: string }
  | { readonly kind: 'active'; readonly index: number; readonly active: boolean }
  | { readonly kind: 'failure'; readonly error: unknown };

export interface SyncStatusState {
  readonly online: boolean;
  readonly pending: ReadonlySet<string>;
  /** Keys restored from before a reload: answered by RxDB's upload, or dropped at the next in-sync. */
  readonly restored: ReadonlySet<string>;
  readonly active: readonly boolean[];
  readonly lastSyncedAt: Date | undefined;
  readonly error: SyncStatus['error'];
}

export const initialSyncStatusState = (replications: number): SyncStatusState => ({
  online: false,
  pending: new Set(),
  restored: new Set(),
  active: Array.from({ length: replications }, () => false),
  lastSyncedAt: undefined,
  error: undefined,
});

const toStatusError = (error: unknown): NonNullable<SyncStatus['error']> =>
  isSyncHttpError(error)
    ? { code: error.code, message: error.message, httpStatus: error.status }
    : { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) };

export function reduceSyncStatus(state: SyncStatusState, event: SyncStatusEvent, now: () => Date): SyncStatusState {
  switch (event.kind) {
    case 'online':
      return { ...state, online: event.online };
    case 'restore': {
      const restored = new Set(event.keys);
      return restored.size === 0 ? state : { ...state, pending: new Set([...state.pending, ...restored]), restored };
    }
    case 'local-write':
      return { ...state, pending: new Set(state.pending).add(event.key) };
    case 'answered': {
      if (!state.pending.has(event.key)) return state;
      const pending = new Set(state.pending);
      pending.delete(event.key);
      return { ...state, pending };
    }
    case 'active': {
      const wasBusy = state.active.some(Boolean);
      const active = state.active.map((value, i) => (i === event.index ? event.active : value));
      // Idle after being busy means in sync: RxDB keeps a replication active while it retries.
      const nowIdle = wasBusy && !active.some(Boolean);
      if (!nowIdle) return { ...state, active };
      // A restored key whose upload finished before the reload is never answered again: in sync
      // means it is not waiting. This page's own writes keep waiting for their answer.
      const pending = state.restored.size === 0 ? state.pending : new Set([...state.pending].filter((key) => !state.restored.has(key)));
      return { ...state, active, pending, restored: new Set(), lastSyncedAt: now(), error: undefined };
    }
    case 'failure':
      return { ...state, error: toStatusError(event.error) };
  }
}

const toStatus = (state: SyncStatusState): SyncStatus => ({
  online: state.online,
  pendingUploads: state.pending.size,
  pendingKeys: state.pending,
  lastSyncedAt: state.lastSyncedAt,
  ...(state.error ? { error: state.error } : {}),
});

const sameStatus = (a: SyncStatus, b: SyncStatus): boolean =>
  a.online === b.online &&
  a.pendingKeys === b.pendingKeys &&
  a.lastSyncedAt === b.lastSyncedAt &&
  a.error?.code === b.error?.code &&
  a.error?.message === b.error?.message &&
  a.error?.httpStatus === b.error?.httpStatus;

/** Storage can be full or refused (private mode): the status still works, only the count is not kept. */
function safely<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

export function createSyncStatus(sources: SyncStatusSources): Observable<SyncStatus> {
  const now = sources.now ?? (() => new Date());
  const events: Observable<SyncStatusEvent>[] = [
    sources.online$.pipe(map((online) => ({ kind: 'online', online }) as const)),
    sources.failures$.pipe(map(({ error }) => ({ kind: 'failure', error }) as const)),
  ];
  sources.replications.forEach((replication, index) => {
    const name = replication.collection.name;
    events.push(
      replication.active$.pipe(map((active) => ({ kind: 'active', index, active }) as const)),
      replication.sent$.pipe(map((doc) => ({ kind: 'answered', key: `${name}/${doc.id}` }) as const)),
      replication.conflict$.pipe(map((c) => ({ kind: 'answered', key: `${name}/${c.input.realMasterState.id}` }) as const)),
      // Writes made by the replication itself (context "replication-downstream-…" or
      // "replication-up-write-conflict") come from the server; only the app's own writes wait.
      replication.collection.eventBulks$.pipe(
        mergeMap((bulk) =>
          bulk.context.startsWith('replication-') || !replication.push
            ? []
            : bulk.events.map((e) => ({ kind: 'local-write', key: `${name}/${e.documentId}` }) as const),
        ),
      ),
    );
  });
  const { persistence, lastSynced } = sources;
  const initial: SyncStatusState = {
    ...initialSyncStatusState(sources.replications.length),
    lastSyncedAt: lastSynced ? safely(() => lastSynced.load(), undefined) : undefined,
  };
  if (persistence) events.unshift(defer(() => of({ kind: 'restore', keys: safely(() => persistence.load(), []) } as const)));
  let saved: ReadonlySet<string> = initial.pending;
  let savedAt = initial.lastSyncedAt;
  return merge(...events).pipe(
    scan((state: SyncStatusState, event: SyncStatusEvent) => reduceSyncStatus(state, event, now), initial),
    startWith(initial),
    tap((state) => {
      if (lastSynced && state.lastSyncedAt && state.lastSyncedAt !== savedAt) {
        savedAt = state.lastSyncedAt;
        const at = state.lastSyncedAt;
        safely(() => lastSynced.save(at), undefined);
      }
      if (!persistence || state.pending === saved) return;
      saved = state.pending;
      safely(() => persistence.save([...state.pending]), undefined);
    }),
    map(toStatus),
    distinctUntilChanged(sameStatus),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
}
