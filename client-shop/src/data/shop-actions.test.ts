/** The shop's writes on a real RxDB database in memory: what a cancellation writes, and when it writes nothing; cart lines of one product merged. */
import { createSyncDatabase, type SyncDatabase } from '@oa/client-sync';
import type { CartItem, Order } from '@oa/schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { cancelOrder, mergeCartLines } from './shop-actions';

const placedAt = '2020-01-01T04:30:00.000Z'; // before any test run's clock
const order = (fields: Partial<Order>): Order => ({
  id: 'o1', _deleted: false, createdAt: placedAt, updatedAt: placedAt, orderId: 'OA-20200101-7K3F9Q', userId: 'u1', user: 'u1',
  items: [{ productId: 'p1', product: 'p1', name: 'Laddu', price: 60, quantity: 2 }], products: [{ productId: 'p1', product: 'p1', name: 'Laddu', price: 60, quantity: 2 }],
  subtotal: 120, shippingFee: 40, total: 160, status: 'pending', paymentMethod: 'cod', paymentStatus: 'pending',
  shippingAddress: { name: 'Sita', phone: '9848022338', line1: '1 Temple Road', city: 'Annavaram', state: 'AP', pincode: '533406' },
  statusHistory: [{ status: 'pending', at: placedAt, by: 'customer' }],
  ...fields,
});

describe('cancelling an order on the device', () => {
  let database: SyncDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  async function withOrder(fields: Partial<Order>): Promise<SyncDatabase> {
    database = await createSyncDatabase({ name: `cancel-${crypto.randomUUID().slice(0, 8)}`, storage: getRxStorageMemory(), collections: ['orders'], multiInstance: false });
    await database.collections.orders!.insert(order(fields));
    return database;
  }
  const stored = async (db: SyncDatabase) => (await db.collections.orders!.findOne('o1').exec())!.toJSON() as unknown as Order;

  it('changes only the status (and when), leaving the rest for the server to decide', async () => {
    const db = await withOrder({});
    const before = await stored(db);
    expect(await cancelOrder(db, 'o1')).toBe(true);
    const after = await stored(db);
    expect(after.status).toBe('cancelled');
    expect(after.updatedAt > before.updatedAt).toBe(true);
    const { status: _s, updatedAt: _u, ...rest } = after;
    const { status: _bs, updatedAt: _bu, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it.each<[string, Partial<Order>]>([
    ['the shop confirmed meanwhile', { status: 'confirmed' }],
    ['it is still waiting to sync', { orderId: 'pending-o1' }],
    ['it is already cancelled', { status: 'cancelled' }],
  ])('writes nothing when %s', async (_case, fields) => {
    const db = await withOrder(fields);
    const before = await stored(db);
    expect(await cancelOrder(db, 'o1')).toBe(false);
    expect(await stored(db)).toEqual(before);
  });

  it('writes nothing for an order not on the device', async () => {
    const db = await withOrder({});
    expect(await cancelOrder(db, 'elsewhere')).toBe(false);
  });
});

describe('merging cart lines of one product', () => {
  const databases: SyncDatabase[] = [];
  afterEach(async () => {
    await Promise.all(databases.splice(0).map((db) => db.close()));
  });
  const open = async (collections: Array<'cart_items' | 'products'>) => {
    const db = await createSyncDatabase({ name: `merge-${crypto.randomUUID().slice(0, 8)}`, storage: getRxStorageMemory(), collections, multiInstance: false });
    databases.push(db);
    return db;
  };
  const line = (id: string, productId: string, quantity: number, createdAt: string): CartItem =>
    ({ id, _deleted: false, createdAt, updatedAt: createdAt, userId: 'u1', cartId: 'cart-u1', productId, quantity }) as CartItem;
  const linesOf = async (db: SyncDatabase) =>
    (await db.collections.cart_items!.find().exec()).map((doc) => doc.toJSON() as unknown as CartItem).map(({ id, productId, quantity }) => ({ id, productId, quantity }));

  it("makes the account's line and the joined guest line of one product one line", async () => {
    const own = await open(['cart_items']);
    await own.collections.cart_items!.bulkInsert([
      line('from-account', 'p1', 3, '2020-01-01T00:00:00.000Z'),
      line('from-guest', 'p1', 4, '2020-01-02T00:00:00.000Z'),
      line('other', 'p2', 1, '2020-01-02T00:00:00.000Z'),
    ]);
    await mergeCartLines(undefined, own, 'u1');
    expect(await linesOf(own)).toEqual([{ id: 'from-account', productId: 'p1', quantity: 7 }, { id: 'other', productId: 'p2', quantity: 1 }]);
  });

  it('writes nothing when every product has one line', async () => {
    const own = await open(['cart_items']);
    await own.collections.cart_items!.insert(line('only', 'p1', 2, '2020-01-01T00:00:00.000Z'));
    const before = (await own.collections.cart_items!.findOne('only').exec())!.toJSON();
    await mergeCartLines(undefined, own, 'u1');
    expect((await own.collections.cart_items!.findOne('only').exec())!.toJSON()).toEqual(before);
  });
});
