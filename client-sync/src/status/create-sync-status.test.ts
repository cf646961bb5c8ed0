/** The sync status from fake replication observables: online, waiting uploads, last synced, last error. */
import { BehaviorSubject, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { SyncHttpError } from '../transport/sync-http-error';
import { createSyncStatus, type LastSyncedPersistence, type PendingPersistence, type ReplicationLike, type SyncStatus } from './create-sync-status';

function fakeReplication(name: string) {
  const eventBulks$ = new Subject<{ context: string; events: Array<{ documentId: string }> }>();
  const active$ = new BehaviorSubject(false);
  const sent$ = new Subject<{ id: string }>();
  const conflict$ = new Subject<{ input: { realMasterState: { id: string } } }>();
  const replication: ReplicationLike = { collection: { name, eventBulks$ }, push: {}, active$, sent$, conflict$ };
  return { replication, eventBulks$, active$, sent$, conflict$ };
}

function setup(persistence?: PendingPersistence, lastSynced?: LastSyncedPersistence) {
  const carts = fakeReplication('cart_items');
  const products = fakeReplication('products');
  const online$ = new BehaviorSubject(false);
  const failures$ = new Subject<{ error: unknown }>();
  let clock = 0;
  const status$ = createSyncStatus({ replications: [carts.replication, products.replication], online$, failures$, now: () => new Date(++clock * 1000), ...(persistence ? { persistence } : {}), ...(lastSynced ? { lastSynced } : {}) });
  let latest: SyncStatus | undefined;
  const seen: SyncStatus[] = [];
  const subscription = status$.subscribe((status) => {
    latest = status;
    seen.push(status);
  });
  return { carts, products, online$, failures$, current: () => latest!, seen, subscription };
}

describe('createSyncStatus', () => {
  it('starts offline, with nothing waiting and never synced', () => {
    const { current, subscription } = setup();
    expect(current()).toEqual({ online: false, pendingUploads: 0, pendingKeys: new Set(), lastSyncedAt: undefined });
    subscription.unsubscribe();
  });

  it('follows the online source', () => {
    const { current, online$, subscription } = setup();
    online$.next(true);
    expect(current().online).toBe(true);
    online$.next(false);
    expect(current().online).toBe(false);
    subscription.unsubscribe();
  });

  it('counts the app’s own writes as waiting until the server answers them, once per document', () => {
    const { carts, current, subscription } = setup();
    carts.eventBulks$.next({ context: 'rx-collection-bulk-insert', events: [{ documentId: 'a' }, { documentId: 'b' }] });
    carts.eventBulks$.next({ context: 'rx-document-save-data', events: [{ documentId: 'a' }] });
    expect(current().pendingUploads).toBe(2);
    carts.sent$.next({ id: 'a' });
    expect(current().pendingUploads).toBe(1);
    carts.conflict$.next({ input: { realMasterState: { id: 'b' } } });
    expect(current().pendingUploads).toBe(0);
    subscription.unsubscribe();
  });

  it('does not count what the replication itself writes', () => {
    const { products, current, subscription } = setup();
    products.eventBulks$.next({ context: 'replication-downstream-abc', events: [{ documentId: 'p1' }] });
    products.eventBulks$.next({ context: 'replication-up-write-conflict', events: [{ documentId: 'p2' }] });
    expect(current().pendingUploads).toBe(0);
    subscription.unsubscribe();
  });

  it('keeps the same id in two collections apart', () => {
    const { carts, products, current, subscription } = setup();
    carts.eventBulks$.next({ context: 'rx-collection-bulk-insert', events: [{ documentId: 'x' }] });
    products.eventBulks$.next({ context: 'rx-collection-bulk-insert', events: [{ documentId: 'x' }] });
    products.sent$.next({ id: 'x' });
    expect(current().pendingUploads).toBe(1);
    subscription.unsubscribe();
  });

  it('records the time when every replication has gone idle after working', () => {
    const { carts, products, current, subscription } = setup();
    expect(current().lastSyncedAt).toBeUndefined();
    carts.active$.next(true);
    products.active$.next(true);
    carts.active$.next(false);
    expect(current().lastSyncedAt).toBeUndefined(); // products is still working
    products.active$.next(false);
    expect(current().lastSyncedAt).toEqual(new Date(1000));
    subscription.unsubscribe();
  });

  it('shows the last failure by its code until everything is in sync again', () => {
    const { carts, failures$, current, subscription } = setup();
    carts.active$.next(true);
    failures$.next({ error: new SyncHttpError(0, 'NETWORK_ERROR', 'The sync server could not be reached') });
    expect(current().error).toEqual({ code: 'NETWORK_ERROR', message: 'The sync server could not be reached', httpStatus: 0 });
    failures$.next({ error: new Error('boom') });
    expect(current().error).toEqual({ code: 'UNKNOWN', message: 'boom' });
    carts.active$.next(false);
    expect(current().error).toBeUndefined();
    expect(current().lastSyncedAt).toBeDefined();
    subscription.unsubscribe();
  });

  it('emits only when something visible changed', () => {
    const { online$, seen, subscription } = setup();
    online$.next(false);
    online$.next(false);
    expect(seen).toHaveLength(1);
    subscription.unsubscribe();
  });

  it('names the waiting documents by collection and id', () => {
    const { carts, current, subscription } = setup();
    carts.eventBulks$.next({ context: 'rx-collection-bulk-insert', events: [{ documentId: 'a' }] });
    expect([...current().pendingKeys]).toEqual(['cart_items/a']);
    subscription.unsubscribe();
  });

  it('keeps the waiting count across a reload, until the uploads are answered', () => {
    let stored: readonly string[] = [];
    const persistence: PendingPersistence = { load: () => stored, save: (keys) => (stored = keys) };
    const first = setup(persistence);
    first.carts.eventBulks$.next({ context: 'rx-collection-bulk-insert', events: [{ documentId: 'a' }, { documentId: 'b' }] });
    expect(stored).toEqual(['cart_items/a', 'cart_items/b']);
    first.subscription.unsubscribe();

    const reloaded = setup(persistence);
    expect(reloaded.current().pendingUploads).toBe(2);
    reloaded.carts.sent$.next({ id: 'a' });
    expect(reloaded.current().pendingUploads).toBe(1);
    expect(stored).toEqual(['cart_items/b']);
    reloaded.subscription.unsubscribe();
  });

  it('drops restored keys at the next in-sync, but not this page’s own unanswered writes', () => {
    const persistence: PendingPersistence = { load: () => ['orders/old'], save: () => undefined };
    const { carts, current, subscription } = setup(persistence);
    carts.eventBulks$.next({ context: 'rx-collection-bulk-insert', events: [{ documentId: 'new' }] });
    carts.active$.next(true);
    carts.active$.next(false);
    expect([...current().pendingKeys]).toEqual(['cart_items/new']);
    subscription.unsubscribe();
  });

  it('still works when the storage refuses to load or save', () => {
    const persistence: PendingPersistence = {
      load: () => {
        throw new Error('SecurityError');
      },
      save: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const { carts, current, subscription } = setup(persistence);
    carts.eventBulks$.next({ context: 'rx-collection-bulk-insert', events: [{ documentId: 'a' }] });
    expect(current().pendingUploads).toBe(1);
    subscription.unsubscribe();
  });

  it('keeps the last sync time across a reload, offline too, and saves each new one', () => {
    let stored: Date | undefined = new Date(500);
    const lastSynced: LastSyncedPersistence = { load: () => stored, save: (at) => (stored = at) };
    const reloaded = setup(undefined, lastSynced);
    expect(reloaded.current().lastSyncedAt).toEqual(new Date(500));
    reloaded.carts.active$.next(true);
    reloaded.carts.active$.next(false);
    expect(stored).toEqual(new Date(1000));
    expect(reloaded.current().lastSyncedAt).toEqual(new Date(1000));
    reloaded.subscription.unsubscribe();
  });

  it('starts with no last sync when the saved one cannot be read', () => {
    const broken = setup(undefined, { load: () => { throw new Error('SecurityError'); }, save: () => undefined });
    expect(broken.current().lastSyncedAt).toBeUndefined();
    broken.subscription.unsubscribe();
  });

  it('never counts writes to a pull-only collection as waiting (nothing uploads them)', () => {
    const eventBulks$ = new Subject<{ context: string; events: Array<{ documentId: string }> }>();
    const pullOnly: ReplicationLike = { collection: { name: 'products', eventBulks$ }, active$: new BehaviorSubject(false), sent$: new Subject(), conflict$: new Subject() };
    let latest: SyncStatus | undefined;
    const subscription = createSyncStatus({ replications: [pullOnly], online$: new BehaviorSubject(true), failures$: new Subject() }).subscribe((status) => (latest = status));
    eventBulks$.next({ context: 'rx-collection-bulk-insert', events: [{ documentId: 'p1' }, { documentId: 'p2' }] });
    expect(latest?.pendingUploads).toBe(0);
    subscription.unsubscribe();
  });
});
