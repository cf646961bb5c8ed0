/**
 * The client sync layer against the REAL sync server (in-process, real SQLite file): local RxDB
 * replicas pull the catalogue, push a shopper's cart, follow an admin's edits live through the
 * one stream, drop what the shopper may no longer see, take the server's answer to a refused
 * write, and keep each shopper's data to themselves.
 */
import { randomUUID } from 'node:crypto';
import type { CollectionName } from '@oa/schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { firstValueFrom, filter, type Subscription } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pullAll, startWorld, type Session, type TestServer } from '../../sync-server/test/http-server';
import { createSyncDatabase, type CreateSyncDatabaseOptions, type SyncDatabase } from '../src/create-database';
import { replicateCollections, type CollectionsReplication, type PushConflict, type PushRejection, type ReplicateCollectionsOptions } from '../src/replication/replicate-collections';
import { createSyncStatus, type SyncStatus } from '../src/status/create-sync-status';
import { createHttpTransport, type SyncTransport } from '../src/transport/create-http-transport';

interface Replica {
  readonly database: SyncDatabase;
  readonly replication: CollectionsReplication;
  /** Pull requests this replica has made, per collection. */
  readonly pulls: Map<string, number>;
  /** Every request, in order: "pull products", "push users". */
  readonly requests: string[];
}

const catalogue: CollectionName[] = ['products', 'categories'];
const shopperCollections: CollectionName[] = ['products', 'categories', 'carts', 'cart_items'];

/** Polls until `check` holds, for at most `ms`; fails with `what` otherwise. */
async function waitFor(what: string, check: () => Promise<boolean> | boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const nowIso = (): string => new Date().toISOString();

describe('replicating through the real sync server', () => {
  let server: TestServer;
  let admin: Session;
  let alice: Session;
  let bob: Session;
  const open: Replica[] = [];
  let replicaCount = 0;

  beforeAll(async () => ({ server, admin, alice, bob } = await startWorld()));
  afterAll(async () => server?.close());
  afterEach(async () => {
    // RxDB's open-source build allows 13 open collections per process: close every replica.
    for (const { replication, database } of open.splice(0)) {
      await replication.cancel();
      await database.close();
    }
  });

  async function openReplica(collections: CollectionName[], session?: Session, extra: { first?: CollectionName[]; merge?: CreateSyncDatabaseOptions['merge']; beforePush?: () => Promise<void>; holdPush?: ReplicateCollectionsOptions['beforePush']; pullOnly?: CollectionName[]; bulkFirstSync?: boolean } = {}): Promise<Replica> {
    const database = await createSyncDatabase({
      name: `replica-${++replicaCount}-${randomUUID().slice(0, 8)}`,
      storage: getRxStorageMemory(),
      collections,
      multiInstance: false,
      ...(extra.merge ? { merge: extra.merge } : {}),
    });
    const getAccessToken = () => session?.accessToken;
    const http = createHttpTransport({ baseUrl: server.url, getAccessToken });
    const pulls = new Map<string, number>();
    const requests: string[] = [];
    const transport: SyncTransport = {
      baseUrl: http.baseUrl,
      pull: (collection, checkpoint, limit) => {
        pulls.set(collection, (pulls.get(collection) ?? 0) + 1);
        requests.push(`pull ${collection}`);
        return http.pull(collection, checkpoint, limit);
      },
      push: async (collection, rows) => {
        requests.push(`push ${collection}`);
        await extra.beforePush?.();
        return http.push(collection, rows);
      },
    };
    const replication = replicateCollections({
      collections: collections.map((name) => database.collections[name]!),
      transport,
      ...(extra.first ? { first: extra.first } : {}),
      ...(extra.pullOnly ? { pullOnly: extra.pullOnly } : {}),
      ...(extra.bulkFirstSync ? { bulkFirstSync: true } : {}),
      ...(extra.holdPush ? { beforePush: extra.holdPush } : {}),
      stream: { baseUrl: server.url, getAccessToken, backoff: { initialMs: 100, maxMs: 1000 } },
      retryTime: 200,
    });
    const replica = { database, replication, pulls, requests };
    open.push(replica);
    return replica;
  }

  const streamConnected = (replica: Replica) => firstValueFrom(replica.replication.streamConnected$.pipe(filter(Boolean)));
  const findLocal = async (replica: Replica, collection: string, id: string) =>
    (await replica.database.collections[collection]!.findOne(id).exec())?.toJSON() as Record<string, unknown> | undefined;

  it('pulls the demo catalogue into an anonymous replica', async () => {
    const visitor = await openReplica(catalogue);
    await visitor.replication.awaitInSync();
    for (const name of catalogue) {
      const expected = (await pullAll(server, name)).replica;
      const local = await visitor.database.collections[name]!.find().exec();
      expect(local.length).toBeGreaterThan(0);
      expect(local.map((doc) => doc.primary).sort()).toEqual([...expected.keys()].sort());
    }
    const product = await findLocal(visitor, 'products', 'demo-product-1');
    expect(product).toMatchObject({ id: 'demo-product-1', isActive: true, price: expect.any(Number) });
  });

  it('pushes a cart line made locally to the server, and the status shows it waiting, then synced', async () => {
    const shop = await openReplica(shopperCollections, alice);
    const statuses: SyncStatus[] = [];
    const status$ = createSyncStatus({
      replications: Object.values(shop.replication.states),
      failures$: shop.replication.failures$,
      online$: shop.replication.streamConnected$,
    });
    const watching: Subscription = status$.subscribe((status) => statuses.push(status));
    await shop.replication.awaitInSync();

    const cartId = `cart-${randomUUID()}`;
    const lineId = `line-${randomUUID()}`;
    await shop.database.collections.carts!.insert({ id: cartId, userId: alice.id, createdAt: nowIso(), updatedAt: nowIso() });
    await shop.database.collections.cart_items!.insert({
      id: lineId, cartId, userId: alice.id, productId: 'demo-product-1', quantity: 2, createdAt: nowIso(), updatedAt: nowIso(),
    });
    await shop.replication.awaitInSync();

    const [stored] = await server.storage.readByIds('cart_items', [lineId]);
    expect(stored?.doc).toMatchObject({ id: lineId, cartId, userId: alice.id, productId: 'demo-product-1', quantity: 2, _deleted: false });
    expect((await server.storage.readByIds('carts', [cartId]))[0]?.doc).toMatchObject({ userId: alice.id });

    await waitFor('the status to settle', () => statuses.at(-1)?.pendingUploads === 0 && statuses.at(-1)?.lastSyncedAt !== undefined);
    expect(Math.max(...statuses.map((status) => status.pendingUploads))).toBeGreaterThanOrEqual(1);
    expect(statuses.at(-1)).toMatchObject({ online: true, pendingUploads: 0 });
    expect(statuses.at(-1)?.error).toBeUndefined();
    watching.unsubscribe();
  });

  it('brings an admin’s product edit to a shopper live, through the stream, without a pull', async () => {
    const shop = await openReplica(catalogue, alice);
    const back = await openReplica(catalogue, admin);
    await Promise.all([shop.replication.awaitInSync(), back.replication.awaitInSync(), streamConnected(shop)]);
    const pullsBefore = shop.pulls.get('products');

    const product = await back.database.collections.products!.findOne('demo-product-2').exec();
    const newPrice = (product!.get('price') as number) + 11;
    await product!.incrementalPatch({ price: newPrice });
    await back.replication.awaitInSync();
    expect((await server.storage.readByIds('products', ['demo-product-2']))[0]?.doc.price).toBe(newPrice);

    await waitFor('the new price on the shopper’s replica', async () => (await findLocal(shop, 'products', 'demo-product-2'))?.price === newPrice);
    // The change came through pull.stream$: no pull was made after the first sync.
    expect(shop.pulls.get('products')).toBe(pullsBefore);
  });

  it('drops a product the admin deactivates from the shopper’s replica (a tombstone)', async () => {
    const shop = await openReplica(catalogue, alice);
    const back = await openReplica(catalogue, admin);
    await Promise.all([shop.replication.awaitInSync(), back.replication.awaitInSync(), streamConnected(shop)]);
    expect(await findLocal(shop, 'products', 'demo-product-3')).toBeDefined();

    const product = await back.database.collections.products!.findOne('demo-product-3').exec();
    await product!.incrementalPatch({ isActive: false });
    await back.replication.awaitInSync();

    await waitFor('demo-product-3 to leave the shopper’s replica', async () => (await findLocal(shop, 'products', 'demo-product-3')) === undefined);
    // The admin still sees it, inactive: only the shopper's view lost it.
    expect(await findLocal(back, 'products', 'demo-product-3')).toMatchObject({ isActive: false });
    // The tombstone was stored as the server sent it: deleted, nothing made up.
    const [stored] = await shop.database.collections.products!.storageInstance.findDocumentsById(['demo-product-3'], true);
    expect(stored).toMatchObject({ id: 'demo-product-3', _deleted: true });
  });

  it('sends nothing of a push until its beforePush succeeds (photos first), retrying after a failure', async () => {
    const seen: string[][] = [];
    let failuresLeft = 2;
    const shop = await openReplica(shopperCollections, alice, {
      holdPush: async (collection, documents) => {
        if (collection !== 'carts') return;
        seen.push(documents.map((document) => document.id));
        if (failuresLeft-- > 0) {
          // Nothing may have reached the server while the hook fails.
          expect(await server.storage.readByIds('carts', documents.map((document) => document.id))).toEqual([]);
          throw new Error('the photo could not be uploaded yet');
        }
      },
    });
    await shop.replication.awaitInSync();
    const cartId = `cart-${randomUUID()}`;
    await shop.database.collections.carts!.insert({ id: cartId, userId: alice.id, createdAt: nowIso(), updatedAt: nowIso() });
    await waitFor('the cart to reach the server', async () => (await server.storage.readByIds('carts', [cartId])).length === 1);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((ids) => ids.includes(cartId))).toBe(true);
  });

  it('shows a refused push on rejections$ and puts the server’s state back in the replica', async () => {
    const shop = await openReplica(catalogue, alice);
    const rejections: PushRejection[] = [];
    const watching = shop.replication.rejections$.subscribe((rejection) => rejections.push(rejection));
    await shop.replication.awaitInSync();
    const product = await shop.database.collections.products!.findOne('demo-product-5').exec();
    const serverPrice = product!.get('price') as number;

    await product!.incrementalPatch({ price: 1 });
    await waitFor('the rejection', () => rejections.length > 0);
    expect(rejections).toEqual([{ collection: 'products', id: 'demo-product-5', code: 'FORBIDDEN', message: expect.any(String) }]);
    await waitFor('the server’s price back in the replica', async () => (await findLocal(shop, 'products', 'demo-product-5'))?.price === serverPrice);
    await shop.replication.awaitInSync();
    expect((await server.storage.readByIds('products', ['demo-product-5']))[0]?.doc.price).toBe(serverPrice);
    watching.unsubscribe();
  });

  it('keeps two shoppers’ cart lines apart, even on the same server and stream', async () => {
    const aliceShop = await openReplica(shopperCollections, alice);
    const bobShop = await openReplica(shopperCollections, bob);
    await Promise.all([aliceShop.replication.awaitInSync(), bobShop.replication.awaitInSync(), streamConnected(aliceShop), streamConnected(bobShop)]);

    const addLine = async (shop: Replica, session: Session): Promise<string> => {
      const id = `line-${randomUUID()}`;
      await shop.database.collections.cart_items!.insert({
        id, cartId: `cart-of-${session.id}`, userId: session.id, productId: 'demo-product-1', quantity: 1, createdAt: nowIso(), updatedAt: nowIso(),
      });
      return id;
    };
    const aliceLine = await addLine(aliceShop, alice);
    const bobLine = await addLine(bobShop, bob);
    await Promise.all([aliceShop.replication.awaitInSync(), bobShop.replication.awaitInSync()]);
    aliceShop.replication.reSync();
    bobShop.replication.reSync();
    await Promise.all([aliceShop.replication.awaitInSync(), bobShop.replication.awaitInSync()]);

    const owners = async (shop: Replica) => (await shop.database.collections.cart_items!.find().exec()).map((doc) => doc.get('userId') as string);
    expect(await findLocal(aliceShop, 'cart_items', bobLine)).toBeUndefined();
    expect(await findLocal(bobShop, 'cart_items', aliceLine)).toBeUndefined();
    expect(new Set(await owners(aliceShop))).toEqual(new Set([alice.id]));
    expect(new Set(await owners(bobShop))).toEqual(new Set([bob.id]));
    // Both reached the server, each under its owner.
    expect((await server.storage.readByIds('cart_items', [aliceLine, bobLine])).map((row) => row.doc.userId).sort()).toEqual([alice.id, bob.id].sort());
  });

  it('reports each collection’s first pull: documents received and caught up', async () => {
    const visitor = await openReplica(catalogue);
    await visitor.replication.awaitInSync();
    const progress = await firstValueFrom(visitor.replication.progress$);
    const products = (await pullAll(server, 'products')).replica.size;
    expect(progress).toContainEqual({ collection: 'products', received: products, caughtUp: true });
    expect(progress.find((entry) => entry.collection === 'categories')?.caughtUp).toBe(true);
  });

  it('pulls the catalogue first, then the shopper’s own data', async () => {
    const shop = await openReplica(shopperCollections, alice, { first: ['products', 'categories'] });
    let requestsWhenCatalogueCaughtUp: number | undefined;
    const watching = shop.replication.progress$.subscribe((progress) => {
      const catalogueDone = progress.filter((entry) => entry.collection === 'products' || entry.collection === 'categories').every((entry) => entry.caughtUp);
      if (catalogueDone) requestsWhenCatalogueCaughtUp ??= shop.requests.length;
    });
    await shop.replication.awaitInSync();
    await waitFor('the cart to be pulled', () => shop.requests.includes('pull cart_items'));
    const firstOwn = Math.min(shop.requests.indexOf('pull cart_items'), shop.requests.indexOf('pull carts'));
    expect(shop.requests.slice(0, firstOwn)).toContain('pull products');
    expect(requestsWhenCatalogueCaughtUp).toBeDefined();
    expect(firstOwn).toBeGreaterThanOrEqual(requestsWhenCatalogueCaughtUp!);
    watching.unsubscribe();
  });

  it('merges a profile edited on two devices at once: both changes survive', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const merge = { users: {} };
    const phone = await openReplica(['users'], alice, { merge });
    const laptop = await openReplica(['users'], alice, { merge, beforePush: () => gate });
    await Promise.all([phone.replication.awaitInSync(), laptop.replication.awaitInSync()]);
    const conflicts: PushConflict[] = [];
    const watching = laptop.replication.conflicts$.subscribe((conflict) => conflicts.push(conflict));

    // The laptop's push waits at the gate, based on the old profile; the phone's goes first.
    await (await laptop.database.collections.users!.findOne(alice.id).exec())!.incrementalPatch({ name: 'Alice from the laptop' });
    await waitFor('the laptop’s push to start', () => laptop.requests.includes('push users'));
    await (await phone.database.collections.users!.findOne(alice.id).exec())!.incrementalPatch({ phone: '9876543210' });
    await phone.replication.awaitInSync();
    release();
    await laptop.replication.awaitInSync();

    await waitFor('both edits on the server', async () => {
      const [row] = await server.storage.readByIds('users', [alice.id]);
      return row?.doc.name === 'Alice from the laptop' && row.doc.phone === '9876543210';
    });
    // The laptop was told: the server had the phone's edit first.
    expect(conflicts).toEqual([expect.objectContaining({ collection: 'users', id: alice.id, current: expect.objectContaining({ phone: '9876543210' }) })]);
    watching.unsubscribe();
    // The stream brings the merged profile back to both devices (an older event may pass first).
    for (const device of [laptop, phone]) {
      await waitFor('the merged profile on the device', async () => {
        const local = await findLocal(device, 'users', alice.id);
        return local?.name === 'Alice from the laptop' && local.phone === '9876543210';
      });
    }
  });

  it('takes the server’s state for a refused edit even where edits merge, and stops pushing it', async () => {
    const shop = await openReplica(['users'], bob, { merge: { users: {} } });
    const rejections: PushRejection[] = [];
    const watching = shop.replication.rejections$.subscribe((rejection) => rejections.push(rejection));
    const conflicts: PushConflict[] = [];
    shop.replication.conflicts$.subscribe((conflict) => conflicts.push(conflict));
    await shop.replication.awaitInSync();
    const before = (await findLocal(shop, 'users', bob.id))!;

    await (await shop.database.collections.users!.findOne(bob.id).exec())!.incrementalPatch({ phone: 'not a phone' });
    await waitFor('the rejection', () => rejections.length > 0);
    expect(rejections[0]).toMatchObject({ collection: 'users', id: bob.id, code: 'VALIDATION_FAILED' });
    await waitFor('the server’s profile back', async () => (await findLocal(shop, 'users', bob.id))?.phone === before.phone);
    await shop.replication.awaitInSync();
    const pushes = shop.requests.filter((request) => request === 'push users').length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(shop.requests.filter((request) => request === 'push users').length).toBe(pushes);
    expect(rejections).toHaveLength(1);
    // A refusal is not a conflict: nobody else changed the profile.
    expect(conflicts).toEqual([]);
    watching.unsubscribe();
  });

  it('resumes an interrupted first sync where it stopped, pulling nothing twice', async () => {
    const database = await createSyncDatabase({ name: `resume-${randomUUID().slice(0, 8)}`, storage: getRxStorageMemory(), collections: ['products'], multiInstance: false });
    const total = (await pullAll(server, 'products')).replica.size;
    const http = createHttpTransport({ baseUrl: server.url, getAccessToken: () => undefined });
    let received = 0;
    const transport = (failAfterFirstPage: boolean): SyncTransport => {
      let pages = 0;
      return {
        baseUrl: http.baseUrl,
        async pull(collection, checkpoint, limit) {
          // The network goes after the first page: the first sync stops half done.
          if (failAfterFirstPage && pages > 0) throw new Error('network lost');
          const page = await http.pull(collection, checkpoint, limit);
          pages += 1;
          received += page.documents.length;
          return page;
        },
        push: (collection, rows) => http.push(collection, rows),
      };
    };
    const products = database.collections.products!;
    const first = replicateCollections({ collections: [products], transport: transport(true), batchSize: 4, retryTime: 50 });
    await waitFor('the first page stored', async () => (await products.count().exec()) === 4);
    await first.cancel();
    expect(received).toBe(4);

    const second = replicateCollections({ collections: [products], transport: transport(false), batchSize: 4, retryTime: 50 });
    await second.awaitInSync();
    expect(await products.count().exec()).toBe(total);
    expect(received).toBe(total);
    await second.cancel();
    await database.close();
  });

  it('pulls an empty pull-only collection in bulk first, then follows the server live from where that ended', async () => {
    const visitor = await openReplica(catalogue, undefined, { pullOnly: catalogue, bulkFirstSync: true });
    const back = await openReplica(catalogue, admin);
    await Promise.all([visitor.replication.awaitInSync(), back.replication.awaitInSync(), streamConnected(visitor)]);
    for (const name of catalogue) {
      const expected = (await pullAll(server, name)).replica;
      const local = await visitor.database.collections[name]!.find().exec();
      expect(local.map((doc) => doc.primary).sort()).toEqual([...expected.keys()].sort());
    }
    const progress = await firstValueFrom(visitor.replication.progress$);
    expect(progress.find((entry) => entry.collection === 'products')).toMatchObject({ received: (await pullAll(server, 'products')).replica.size, caughtUp: true });

    const product = await back.database.collections.products!.findOne('demo-product-4').exec();
    const newPrice = (product!.get('price') as number) + 7;
    await product!.incrementalPatch({ price: newPrice });
    await back.replication.awaitInSync();
    await waitFor('the edit on the visitor’s replica', async () => (await findLocal(visitor, 'products', 'demo-product-4'))?.price === newPrice);
  });
});
