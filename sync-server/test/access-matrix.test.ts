/**
 * The access policy through the real endpoints: every collection × role × operation, done over
 * HTTP as a client would, and answered as the policy says (the policy itself is checked against
 * the mission's table in schema/src/policy/access-policy.test.ts).
 */
import { accessFor, can, collectionNames, omitSecrets, operations, roles, sampleDocument, type CollectionName, type Operation, type Role } from '@oa/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creates, pullOnce, pushRows, register, signInAdmin, startTestServer, update, type Session, type TestServer } from './http-server';

const address = { name: 'Lakshmi', phone: '9876543210', line1: '12 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };

/** What a client sends to create one document of each collection. */
const newDocument: Record<CollectionName, (n: string) => Record<string, unknown>> = {
  products: (n) => ({ name: `Matrix ${n}`, slug: `matrix-${n}`, price: 10, categoryId: 'cat-prasadam', stock: 5 }),
  categories: (n) => ({ name: `Matrix ${n}`, slug: `matrix-${n}` }),
  orders: () => ({ items: [{ productId: 'demo-product-2', quantity: 1 }], shippingAddress: address, paymentMethod: 'cod' }),
  reviews: () => ({ productId: 'demo-product-3', rating: 5, comment: 'Lovely' }),
  users: (n) => ({ email: `matrix-${n}@example.com`, name: 'Matrix' }),
  admins: (n) => ({ email: `matrix-${n}@example.com`, name: 'Matrix Admin' }),
  carts: () => ({}),
  cart_items: () => ({ cartId: 'cart-m', productId: 'demo-product-1', quantity: 1 }),
  wishlists: () => ({ productIds: ['demo-product-1'] }),
  payments: () => ({ orderId: 'o-m', amount: 1, currency: 'INR', method: 'cod', status: 'paid' }),
  sessions: () => ({ deviceName: 'Matrix phone' }),
};

/** A change each collection's updating role may make (others are refused whatever they change). */
const change: Record<CollectionName, Record<string, unknown>> = {
  products: { price: 99 },
  categories: { description: 'Changed' },
  orders: { status: 'confirmed' },
  reviews: { isApproved: false },
  users: { name: 'Changed Name' },
  admins: { name: 'Changed Admin' },
  carts: {},
  cart_items: { quantity: 3 },
  wishlists: { productIds: [] },
  payments: { status: 'paid' },
  sessions: { deviceName: 'Renamed' },
};

/** Where a role's allowed change differs: a shopper's one change to an order is cancelling it while pending. */
const changeAs: Partial<Record<Role, Partial<Record<CollectionName, Record<string, unknown>>>>> = {
  customer: { orders: { status: 'cancelled' } },
};

const cells = collectionNames.flatMap((collection) =>
  roles.flatMap((role) => operations.map((operation) => ({ collection, role, operation, allowed: can(collection, role, operation) }))),
);

describe('access matrix through the endpoints', () => {
  let server: TestServer;
  const sessions: Partial<Record<Role, Session>> = {};
  let counter = 0;

  beforeAll(async () => {
    server = await startTestServer();
    sessions.admin = await signInAdmin(server);
    sessions.customer = await register(server, 'matrix@example.com', 'Matrix Shopper');
    // The category the sample products point at, so alias checks pass on their updates.
    await server.storage.write('categories', [{ id: 'category-1', expectedSeq: null, doc: sampleDocument('categories', { name: 'Sweets' }) as never }]);
  });
  afterAll(async () => {
    await server.close();
  });

  /** Seeds, straight into the database, a document this role would hold and see. */
  async function seed(collection: CollectionName, role: Role): Promise<Record<string, unknown>> {
    const id = `m-${++counter}`;
    const caller = sessions[role];
    if (collection === 'users' && role === 'customer') {
      const [row] = await server.storage.readByIds('users', [caller!.id]);
      return omitSecrets('users', row!.doc);
    }
    const owner = accessFor(collection, 'customer')?.owner ?? accessFor(collection, 'customer')?.author;
    const overrides: Record<string, unknown> = { id };
    if (owner && owner !== 'id') overrides[owner] = sessions.customer!.id;
    if (collection === 'orders' || collection === 'reviews') overrides.user = sessions.customer!.id;
    // One review per product and shopper (a unique index): each seeded review names its own product.
    if (collection === 'reviews') Object.assign(overrides, { productId: `product-${id}`, product: `product-${id}` });
    if (collection === 'products' || collection === 'categories') overrides.slug = `seeded-${id}`;
    if (collection === 'users' || collection === 'admins') overrides.email = `${id}@example.com`;
    if (collection === 'orders') overrides.orderId = `OA-20260101-${id.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
    const [result] = await server.storage.write(collection, [{ id, expectedSeq: null, doc: sampleDocument(collection, overrides) as never }]);
    if (result?.kind !== 'written') throw new Error(`seeding ${collection} failed: ${JSON.stringify(result)}`);
    return omitSecrets(collection, result.row.doc);
  }

  async function attempt(collection: CollectionName, role: Role, operation: Operation): Promise<{ status: number; code: string | undefined }> {
    const token = sessions[role]?.accessToken;
    if (operation === 'read') {
      const answer = await pullOnce(server, collection, { token });
      return { status: answer.status, code: answer.body.error?.code };
    }
    const rows =
      operation === 'create'
        ? creates({ id: `new-${++counter}`, ...newDocument[collection](String(counter)) })
        : update(await seed(collection, role), operation === 'delete' ? { _deleted: true } : (changeAs[role]?.[collection] ?? change[collection]));
    const answer = await pushRows(server, collection, rows, token);
    return { status: answer.status, code: answer.body.error?.code ?? answer.body.rejections[0]?.code ?? (answer.body.conflicts.length ? 'CONFLICT' : undefined) };
  }

  it.each(cells)('$role $operation $collection: allowed=$allowed', async ({ collection, role, operation, allowed }) => {
    const { status, code } = await attempt(collection, role, operation);
    if (role === 'anonymous' && !allowed) {
      expect(status).toBe(401);
      return;
    }
    if (operation === 'read') {
      expect(status).toBe(allowed ? 200 : 403);
      return;
    }
    expect(status).toBe(200);
    if (allowed) expect(code).toBeUndefined();
    else expect(code).toBe('FORBIDDEN');
  });

  it('never answered with a 500', () => {
    expect(server.errors).toEqual([]);
  });
});
