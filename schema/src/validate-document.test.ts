/**
 * Whole-document validation as data: valid samples pass, and unknown fields, out-of-range numbers,
 * over-long strings and unsafe image URLs are refused with VALIDATION_FAILED naming the field path.
 */
import { describe, expect, it } from 'vitest';
import { collectionNames, type CollectionName } from './collections/names';
import { sampleDocument } from './testing/sample-documents';
import { validateDocument, type ValidationError } from './validate-document';

function refusal(collection: CollectionName, doc: unknown): ValidationError {
  const result = validateDocument(collection, doc);
  if (result.ok) throw new Error(`expected ${collection} document to be refused, but it passed`);
  return result.error;
}

const order = sampleDocument('orders');
const orderItem = (order.items as Record<string, unknown>[])[0];
const user = sampleDocument('users');
const userAddress = (user.addresses as Record<string, unknown>[])[0];

describe('validateDocument', () => {
  it.each(collectionNames)('accepts the sample %s document and returns it as parsed', (collection) => {
    const doc = sampleDocument(collection);
    expect(validateDocument(collection, doc)).toEqual({ ok: true, value: doc });
  });

  describe('unknown fields', () => {
    it('refuses an unknown top-level field, naming it', () => {
      const error = refusal('products', sampleDocument('products', { discount: 10 }));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields).toEqual(['discount']);
      expect(error.message).toContain('discount');
    });

    it('names each of several unknown fields separately', () => {
      const error = refusal('users', sampleDocument('users', { isAdmin: true, role: 'admin' }));
      expect([...error.fields].sort()).toEqual(['isAdmin', 'role']);
    });

    it('names an unknown nested field by its full path', () => {
      const error = refusal('orders', sampleDocument('orders', { shippingAddress: { ...(order.shippingAddress as object), floor: 2 } }));
      expect(error.fields).toEqual(['shippingAddress.floor']);
      expect(error.message).toContain('shippingAddress.floor');
    });

    it.each(collectionNames)('refuses an unknown field on %s', (collection) => {
      expect(refusal(collection, sampleDocument(collection, { injected: 'x' })).fields).toContain('injected');
    });
  });

  it.each<{ behaviour: string; collection: CollectionName; overrides: Record<string, unknown>; field: string }>([
    { behaviour: 'a negative price', collection: 'products', overrides: { price: -1 }, field: 'price' },
    { behaviour: 'negative stock', collection: 'products', overrides: { stock: -1, totalStock: -1 }, field: 'stock' },
    { behaviour: 'a fractional stock count', collection: 'products', overrides: { stock: 1.5, totalStock: 1.5 }, field: 'totalStock' },
    { behaviour: 'a rating above five stars', collection: 'reviews', overrides: { rating: 6 }, field: 'rating' },
    { behaviour: 'a rating of zero stars', collection: 'reviews', overrides: { rating: 0 }, field: 'rating' },
    { behaviour: 'a cart line of zero', collection: 'cart_items', overrides: { quantity: 0 }, field: 'quantity' },
    { behaviour: 'a negative order total', collection: 'orders', overrides: { total: -280 }, field: 'total' },
    {
      behaviour: 'an order line of zero, by its index',
      collection: 'orders',
      overrides: { items: [{ ...orderItem, quantity: 0 }] },
      field: 'items[0].quantity',
    },
    { behaviour: 'a negative payment', collection: 'payments', overrides: { amount: -1 }, field: 'amount' },
  ])('refuses $behaviour, naming $field', ({ collection, overrides, field }) => {
    const error = refusal(collection, sampleDocument(collection, overrides));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toContain(field);
    expect(error.message).toContain(field);
  });

  it.each<{ collection: CollectionName; overrides: Record<string, unknown>; field: string }>([
    { collection: 'products', overrides: { name: 'x'.repeat(201) }, field: 'name' },
    { collection: 'products', overrides: { description: 'x'.repeat(5001) }, field: 'description' },
    { collection: 'reviews', overrides: { comment: 'x'.repeat(2001), reviewText: 'x'.repeat(2001) }, field: 'comment' },
    { collection: 'orders', overrides: { notes: 'x'.repeat(501) }, field: 'notes' },
    { collection: 'sessions', overrides: { deviceName: 'x'.repeat(201) }, field: 'deviceName' },
    { collection: 'categories', overrides: { id: 'x'.repeat(65) }, field: 'id' },
    {
      collection: 'users',
      overrides: { addresses: [{ ...userAddress, line1: 'x'.repeat(201) }] },
      field: 'addresses[0].line1',
    },
  ])('refuses an over-long $field on $collection, naming it', ({ collection, overrides, field }) => {
    const error = refusal(collection, sampleDocument(collection, overrides));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toContain(field);
  });

  it.each<{ collection: CollectionName; overrides: Record<string, unknown>; field: string }>([
    { collection: 'products', overrides: { imageUrl: 'javascript:alert(1)' }, field: 'imageUrl' },
    { collection: 'products', overrides: { images: ['javascript:alert(1)'] }, field: 'images[0]' },
    { collection: 'products', overrides: { imageUrl: 'data:image/svg+xml,<svg onload=alert(1)>' }, field: 'imageUrl' },
    { collection: 'categories', overrides: { imageUrl: 'JavaScript:alert(1)' }, field: 'imageUrl' },
    {
      collection: 'orders',
      overrides: { items: [{ ...orderItem, imageUrl: 'javascript:alert(1)' }] },
      field: 'items[0].imageUrl',
    },
  ])('refuses a script or data URL as $field on $collection', ({ collection, overrides, field }) => {
    expect(refusal(collection, sampleDocument(collection, overrides)).fields).toContain(field);
  });

  it('refuses a missing required field, naming it', () => {
    expect(refusal('products', sampleDocument('products', { slug: undefined })).fields).toContain('slug');
  });

  it.each([null, 'a string', 42, []])('refuses %o as a document without throwing', (doc) => {
    expect(refusal('products', doc).code).toBe('VALIDATION_FAILED');
  });
});
