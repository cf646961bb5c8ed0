/** The shop's writes on a real RxDB database in memory: what a cancellation writes, and when it writes nothing. */
import { createSyncDatabase, type SyncDatabase } from '@oa/client-sync';
import type { Order } from '@oa/schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { cancelOrder } from './shop-actions';

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
