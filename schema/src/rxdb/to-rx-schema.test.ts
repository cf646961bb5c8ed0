/**
 * The RxDB schemas derived from the zod schemas: same fields and rules minus secrets and `_deleted`,
 * accepted by RxDB's dev-mode checks, and enforcing the same refusals as zod when a PWA stores a document.
 */
import { addRxPlugin, createRxDatabase, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collectionNames, type CollectionName } from '../collections/names';
import { collections } from '../collections/registry';
import { sampleDocument } from '../testing/sample-documents';
import { validateDocument } from '../validate-document';
import { toRxSchema } from './to-rx-schema';

/** The mission's secrets (password and token hashes), which no client replica may hold. */
const missionSecrets: Partial<Record<CollectionName, readonly string[]>> = {
  users: ['passwordHash'],
  admins: ['passwordHash'],
  sessions: ['refreshTokenHash', 'usedRefreshTokenHashes'],
};
const leftOut = (name: CollectionName): string[] => ['_deleted', ...(missionSecrets[name] ?? [])];

/** What a PWA stores: the sample as the server would send it (no secrets) and without RxDB's own `_deleted`. */
function clientCopy(name: CollectionName, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const doc = sampleDocument(name, overrides);
  for (const field of leftOut(name)) delete doc[field];
  return doc;
}

const asRxSchema = (name: CollectionName) => collections[name].rxSchema as unknown as RxJsonSchema<Record<string, unknown>>;

describe('the derived RxDB schemas', () => {
  it.each(collectionNames)('%s is derived once, when first read, and kept', (name) => {
    const first = collections[name].rxSchema;
    expect(collections[name].rxSchema).toBe(first);
    expect(first).toEqual(toRxSchema({ name, version: collections[name].version, schema: collections[name].schema }));
  });

  it.each(collectionNames)('%s leaves out secrets and _deleted', (name) => {
    const { properties, required } = collections[name].rxSchema;
    for (const field of leftOut(name)) {
      expect(properties).not.toHaveProperty(field);
      expect(required).not.toContain(field);
    }
  });

  it.each(collectionNames)('%s is keyed by a length-capped id', (name) => {
    const { primaryKey, properties, required } = collections[name].rxSchema;
    expect(primaryKey).toBe('id');
    expect(required).toContain('id');
    expect(properties.id?.type).toBe('string');
    expect(properties.id?.maxLength).toEqual(expect.any(Number));
  });

  it.each(collectionNames)('%s has exactly the fields and rules of its zod schema', (name) => {
    const { schema, rxSchema, version } = collections[name];
    const json = z.toJSONSchema(schema, { target: 'draft-7' }) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    const omit = new Set(leftOut(name));
    expect(rxSchema.properties).toEqual(Object.fromEntries(Object.entries(json.properties).filter(([field]) => !omit.has(field))));
    expect([...rxSchema.required].sort()).toEqual(json.required.filter((field) => !omit.has(field)).sort());
    expect(rxSchema).toMatchObject({ title: name, version, type: 'object', additionalProperties: false });
  });
});

describe('the derived RxDB schemas in RxDB', () => {
  let db: RxDatabase;
  // Adding the collections is itself under test; every test that needs them awaits the same call,
  // so each can also run alone (vitest -t).
  let added: Promise<unknown> | undefined;
  const addAll = () =>
    (added ??= db.addCollections(Object.fromEntries(collectionNames.map((name) => [name, { schema: asRxSchema(name), migrationStrategies: identitySteps(name) }]))));
  // A fresh database needs no migrating, but RxDB asks for one strategy per version all the same.
  const identitySteps = (name: CollectionName) =>
    Object.fromEntries(Array.from({ length: asRxSchema(name).version }, (_, i) => [i + 1, (doc: unknown) => doc]));

  beforeAll(async () => {
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
    addRxPlugin(RxDBMigrationSchemaPlugin);
    db = await createRxDatabase({
      name: 'schema-derivation-test',
      storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
    });
  });

  afterAll(async () => {
    await db?.close();
  });

  it('runs with dev-mode checking schemas, so the acceptance below means something', async () => {
    // Dev-mode alone checks field names; one with a "-" cannot become a document property.
    const rxSchema = collections.carts.rxSchema;
    const badField = { ...rxSchema, title: 'bad', properties: { ...rxSchema.properties, 'unit-price': { type: 'number' } } };
    await expect(
      db.addCollections({ bad: { schema: badField as unknown as RxJsonSchema<Record<string, unknown>> } }),
    ).rejects.toMatchObject({ code: 'SC1' });
  });

  it('accepts all eleven schemas as collections', async () => {
    await expect(addAll()).resolves.toBeDefined();
    expect(Object.keys(db.collections).filter((name) => name !== 'bad').sort()).toEqual([...collectionNames].sort());
  });

  it.each(collectionNames)('stores and reads back the sample %s document', async (name) => {
    await addAll();
    const doc = clientCopy(name);
    await db.collections[name]!.insert(doc);
    const found = await db.collections[name]!.findOne(doc.id as string).exec();
    expect(found?.toMutableJSON()).toMatchObject(doc);
  });

  const orderItem = (sampleDocument('orders').items as Record<string, unknown>[])[0];

  it.each<{ name: CollectionName; breach: string; overrides: Record<string, unknown>; field: string }>([
    { name: 'categories', breach: 'a name over its maximum length', overrides: { name: 'x'.repeat(101) }, field: 'name' },
    { name: 'products', breach: 'a negative price', overrides: { price: -1 }, field: 'price' },
    { name: 'reviews', breach: 'a rating above five', overrides: { rating: 6 }, field: 'rating' },
    { name: 'users', breach: 'an unknown field', overrides: { isAdmin: true }, field: 'isAdmin' },
    { name: 'carts', breach: 'an owner id with spaces', overrides: { userId: 'not an id' }, field: 'userId' },
    { name: 'cart_items', breach: 'a quantity of zero', overrides: { quantity: 0 }, field: 'quantity' },
    { name: 'wishlists', breach: 'a product id over its maximum length', overrides: { productIds: ['p'.repeat(65)] }, field: 'productIds[0]' },
    {
      name: 'orders',
      breach: 'a line item with a negative price',
      overrides: { items: [{ ...orderItem, price: -5 }], products: [{ ...orderItem, price: -5 }] },
      field: 'items[0].price',
    },
    { name: 'payments', breach: 'a currency other than INR', overrides: { currency: 'USD' }, field: 'currency' },
    { name: 'sessions', breach: 'an expiry that is not a timestamp', overrides: { expiresAt: 'tomorrow' }, field: 'expiresAt' },
    { name: 'admins', breach: 'an email that is not one', overrides: { email: 'admin@' }, field: 'email' },
  ])('refuses a $name document with $breach, as zod does', async ({ name, overrides, field }) => {
    await addAll();
    const id = `invalid-${name.replace('_', '-')}`;
    await expect(db.collections[name]!.insert(clientCopy(name, { ...overrides, id }))).rejects.toMatchObject({ code: 'VD2' });
    expect(await db.collections[name]!.findOne(id).exec()).toBeNull();

    const zodResult = validateDocument(name, sampleDocument(name, { ...overrides, id }));
    expect(zodResult.ok).toBe(false);
    expect(zodResult.ok ? [] : zodResult.error.fields).toContain(field);
  });
});
