/**
 * The access policy against the mission's "who may do what" table: every collection × role ×
 * operation cell, read scopes and visibility filters, secrets, server-owned fields, and forbidden changes.
 */
import { describe, expect, it } from 'vitest';
import { collectionNames, type CollectionName } from '../collections/names';
import { systemFields } from '../fields';
import { sampleDocument } from '../testing/sample-documents';
import { operations, roles, type Operation, type Role } from './access-policy';
import type { Caller } from './caller';
import { can, forbiddenChanges, omitSecrets, readFilterFor, secretFields, writableFields } from './decide';
import { matchesFilter } from './filter';

/**
 * Written out from the mission, not read from the policy: r = read, c = create, u = update,
 * d = delete, '.' = denied (positions: r c u d).
 */
const missionTable: Record<CollectionName, Record<Role, string>> = {
  products: { anonymous: 'r...', customer: 'r...', admin: 'rcud' },
  categories: { anonymous: 'r...', customer: 'r...', admin: 'rcud' },
  // Update: a shopper may cancel their own pending order (issue 14); the order rules allow only that.
  orders: { anonymous: '....', customer: 'rcu.', admin: 'r.u.' },
  reviews: { anonymous: 'r...', customer: 'rc..', admin: 'r.u.' },
  users: { anonymous: '....', customer: 'r.u.', admin: 'r...' },
  admins: { anonymous: '....', customer: '....', admin: 'rcud' },
  carts: { anonymous: '....', customer: 'rc.d', admin: '....' },
  cart_items: { anonymous: '....', customer: 'rcud', admin: '....' },
  payments: { anonymous: '....', customer: 'r...', admin: 'r...' },
  sessions: { anonymous: '....', customer: 'r..d', admin: '....' },
  wishlists: { anonymous: '....', customer: 'rcud', admin: '....' },
};

const cells = collectionNames.flatMap((collection) =>
  roles.flatMap((role) =>
    operations.map((operation, position) => ({
      collection,
      role,
      operation,
      allowed: missionTable[collection][role][position] !== '.',
    })),
  ),
);

const customer: Caller = { role: 'customer', id: 'user-1' };
const admin: Caller = { role: 'admin', id: 'admin-1' };
const anonymous: Caller = { role: 'anonymous' };

/** The mission's secrets: password hashes and token hashes. */
const missionSecrets: Record<CollectionName, readonly string[]> = {
  categories: [],
  products: [],
  reviews: [],
  users: ['passwordHash'],
  carts: [],
  cart_items: [],
  wishlists: [],
  orders: [],
  payments: [],
  sessions: ['refreshTokenHash', 'usedRefreshTokenHashes'],
  admins: ['passwordHash'],
};

describe('can', () => {
  it('has a cell in the expected table for every collection, role and operation', () => {
    expect(cells).toHaveLength(11 * 3 * 4);
    for (const collection of collectionNames) {
      for (const role of roles) expect(missionTable[collection][role]).toMatch(/^[r.][c.][u.][d.]$/);
    }
  });

  it.each(cells)('$role may $operation $collection: $allowed', ({ collection, role, operation, allowed }) => {
    expect(can(collection, role, operation)).toBe(allowed);
  });

  it.each(cells.filter((cell) => cell.operation === 'create' || cell.operation === 'update'))(
    '$role has a writable field list for $operation on $collection exactly when allowed ($allowed)',
    ({ collection, role, operation, allowed }) => {
      const fields = writableFields(collection, role, operation as Extract<Operation, 'create' | 'update'>);
      expect(fields !== undefined).toBe(allowed);
    },
  );
});

describe('readFilterFor', () => {
  const ownerField: Partial<Record<CollectionName, string>> = {
    orders: 'userId',
    users: 'id',
    carts: 'userId',
    cart_items: 'userId',
    payments: 'userId',
    sessions: 'userId',
    wishlists: 'userId',
  };

  it.each(Object.entries(ownerField))('scopes a customer to their own %s (%s = caller id), with nothing hidden', (collection, field) => {
    expect(readFilterFor(collection as CollectionName, customer)).toEqual({ scope: { [field]: customer.id }, visible: {} });
  });

  it.each(Object.keys(ownerField))('gives anonymous callers nothing of %s', (collection) => {
    expect(readFilterFor(collection as CollectionName, anonymous)).toBeUndefined();
  });

  it.each<[CollectionName, Caller, object]>([
    ['products', anonymous, { isActive: true }],
    ['products', customer, { isActive: true }],
    ['products', admin, {}],
    ['categories', anonymous, { isActive: true }],
    ['categories', customer, { isActive: true }],
    ['categories', admin, {}],
    ['reviews', anonymous, { isApproved: true, isDeleted: false }],
    ['reviews', customer, { isApproved: true, isDeleted: false }],
    ['reviews', admin, {}],
    ['orders', admin, {}],
    ['users', admin, {}],
    ['payments', admin, {}],
    ['admins', admin, {}],
  ])('lets %s be read in full scope by %o, showing only documents matching %o', (collection, caller, visible) => {
    expect(readFilterFor(collection, caller)).toEqual({ scope: {}, visible });
  });

  it.each<[CollectionName, Caller]>([
    ['admins', customer],
    ['admins', anonymous],
    ['carts', admin],
    ['cart_items', admin],
    ['sessions', admin],
    ['wishlists', admin],
  ])('gives %s nothing to %o', (collection, caller) => {
    expect(readFilterFor(collection, caller)).toBeUndefined();
  });

  it("keeps another shopper's order out of a customer's scope", () => {
    const filter = readFilterFor('orders', customer);
    expect(matchesFilter(sampleDocument('orders', { userId: customer.id }), filter!.scope)).toBe(true);
    expect(matchesFilter(sampleDocument('orders', { userId: 'user-2', user: 'user-2' }), filter!.scope)).toBe(false);
  });

  it.each([
    { state: 'unapproved', overrides: { isApproved: false } },
    { state: 'deleted', overrides: { isDeleted: true } },
  ])('hides a $state review from shoppers but not from admins', ({ overrides }) => {
    const review = sampleDocument('reviews', overrides);
    expect(matchesFilter(review, readFilterFor('reviews', customer)!.visible)).toBe(false);
    expect(matchesFilter(review, readFilterFor('reviews', admin)!.visible)).toBe(true);
  });
});

describe('secrets', () => {
  it.each(collectionNames)('marks exactly the mission secrets of %s', (collection) => {
    expect([...secretFields(collection)].sort()).toEqual([...missionSecrets[collection]].sort());
  });

  const writeLists = collectionNames.flatMap((collection) =>
    roles.flatMap((role) => (['create', 'update'] as const).map((operation) => ({ collection, role, operation }))),
  );

  it.each(writeLists)('never lets $role set a secret of $collection on $operation', ({ collection, role, operation }) => {
    const writable = writableFields(collection, role, operation) ?? [];
    for (const secret of missionSecrets[collection]) expect(writable).not.toContain(secret);
  });

  it.each(collectionNames)('omitSecrets strips every secret of %s and keeps the rest', (collection) => {
    const doc = sampleDocument(collection);
    const sendable = omitSecrets(collection, doc);
    for (const secret of missionSecrets[collection]) expect(sendable).not.toHaveProperty(secret);
    const expectedKeys = Object.keys(doc).filter((key) => !missionSecrets[collection].includes(key));
    expect(Object.keys(sendable).sort()).toEqual(expectedKeys.sort());
  });

  it('omitSecrets leaves the stored document untouched', () => {
    const user = sampleDocument('users');
    omitSecrets('users', user);
    expect(user).toHaveProperty('passwordHash');
  });
});

describe('server-owned fields', () => {
  const writeLists = collectionNames.flatMap((collection) =>
    roles.flatMap((role) => (['create', 'update'] as const).map((operation) => ({ collection, role, operation }))),
  );

  it.each(writeLists)('never lets $role set id, timestamps or _deleted of $collection on $operation', ({ collection, role, operation }) => {
    const writable = writableFields(collection, role, operation) ?? [];
    for (const field of systemFields) expect(writable).not.toContain(field);
  });

  it.each<[CollectionName, readonly string[]]>([
    // The owner and every amount, number and state of an order are computed by the server (the
    // status only moves through the order rules: below).
    ['orders', ['userId', 'user', 'orderId', 'price', 'subtotal', 'shippingFee', 'total', 'paymentStatus', 'statusHistory']],
    // Moderation flags and the author are the server's and the admins'.
    ['reviews', ['isApproved', 'isDeleted', 'userId', 'user']],
    ['users', ['id', 'email', 'isActive']],
    ['carts', ['userId']],
    ['cart_items', ['userId']],
    ['wishlists', ['userId']],
    ['payments', ['userId', 'orderId', 'amount', 'status']],
    ['sessions', ['userId', 'role', 'expiresAt', 'revokedAt']],
  ])('never lets a customer write the server-owned fields of %s', (collection, fields) => {
    for (const operation of ['create', 'update'] as const) {
      const writable = writableFields(collection, 'customer', operation) ?? [];
      for (const field of fields) expect(writable).not.toContain(field);
    }
  });

  it('lets a shopper change only the status of their own order, and never set it when placing one', () => {
    expect(writableFields('orders', 'customer', 'update')).toEqual(['status']);
    expect(writableFields('orders', 'customer', 'create')).not.toContain('status');
  });

  it("never lets an admin write an order's owner, number or amounts", () => {
    const writable = writableFields('orders', 'admin', 'update') ?? [];
    for (const field of ['userId', 'user', 'orderId', 'items', 'products', 'subtotal', 'shippingFee', 'total']) {
      expect(writable).not.toContain(field);
    }
    expect(writable).toContain('status');
  });

  it('lets admins moderate reviews through isApproved and isDeleted only', () => {
    expect([...(writableFields('reviews', 'admin', 'update') ?? [])].sort()).toEqual(['isApproved', 'isDeleted']);
  });
});

describe('forbiddenChanges', () => {
  const user = sampleDocument('users');
  const order = sampleDocument('orders');

  it.each<{ behaviour: string; collection: CollectionName; role: Role; before: Record<string, unknown>; after: Record<string, unknown>; forbidden: string[] }>([
    {
      behaviour: 'reports a customer changing the email on their profile',
      collection: 'users',
      role: 'customer',
      before: user,
      after: { ...user, email: 'other@example.com' },
      forbidden: ['email'],
    },
    {
      behaviour: 'allows a customer changing their name and phone',
      collection: 'users',
      role: 'customer',
      before: user,
      after: { ...user, name: 'Lakshmi D', phone: '+919000000000' },
      forbidden: [],
    },
    {
      behaviour: "reports an admin changing an order's total",
      collection: 'orders',
      role: 'admin',
      before: order,
      after: { ...order, total: 1 },
      forbidden: ['total'],
    },
    {
      behaviour: "allows an admin changing an order's status",
      collection: 'orders',
      role: 'admin',
      before: order,
      after: { ...order, status: 'shipped' },
      forbidden: [],
    },
    {
      behaviour: 'reports every forbidden field of one update',
      collection: 'orders',
      role: 'admin',
      before: order,
      after: { ...order, status: 'shipped', subtotal: 1, total: 2 },
      forbidden: ['subtotal', 'total'],
    },
    {
      behaviour: 'reports a field the update drops as a change',
      collection: 'users',
      role: 'customer',
      before: user,
      after: { ...user, email: undefined },
      forbidden: ['email'],
    },
    {
      behaviour: 'reports any change by a role that may not update at all',
      collection: 'reviews',
      role: 'customer',
      before: sampleDocument('reviews'),
      after: sampleDocument('reviews', { rating: 1 }),
      forbidden: ['rating'],
    },
    {
      // A client never holds a secret, so its copy always lacks one; that is not a change.
      behaviour: 'ignores a secret missing from the client copy',
      collection: 'users',
      role: 'customer',
      before: user,
      after: omitSecrets('users', user),
      forbidden: [],
    },
    {
      behaviour: 'ignores system fields, which the server sets whatever is sent',
      collection: 'users',
      role: 'customer',
      before: user,
      after: { ...user, updatedAt: '2026-06-01T00:00:00.000Z', createdAt: '2020-01-01T00:00:00.000Z' },
      forbidden: [],
    },
  ])('$behaviour', ({ collection, role, before, after, forbidden }) => {
    expect([...forbiddenChanges(collection, role, before, after)].sort()).toEqual(forbidden);
  });
});
