/**
 * Legacy aliases on orders: userId/user, items/products, and productId/product inside every line
 * item of either list, on creates and updates, and that a normalised order is valid.
 */
import { describe, expect, it } from 'vitest';
import type { Fields } from '../aliases/alias-result';
import { acceptedValue, describeAliasPair, notObjects, refusalOf } from '../testing/describe-alias-pair';
import { sampleDocument } from '../testing/sample-documents';
import { validateDocument } from '../validate-document';
import { normalizeOrder } from './orders';
import { collections } from './registry';

const stored = sampleDocument('orders');
const order = (overrides: Fields = {}): Fields => sampleDocument('orders', overrides);
const normalize = (input: unknown, previous?: Fields) => normalizeOrder(input, { previous });

const line = (productId: string, quantity: number): Fields => ({
  productId,
  product: productId,
  name: `Item ${productId}`,
  price: 50,
  quantity,
});
/** The stored first line with `changes` applied, as a legacy client would edit it. */
const storedLine = (changes: Fields): Fields => ({ ...(stored.items as Fields[])[0], ...changes });

describe('normalizeOrder', () => {
  describeAliasPair({ collection: 'orders', normalize, a: 'userId', b: 'user', values: ['user-2', 'user-3'] });

  describeAliasPair({
    collection: 'orders',
    normalize,
    a: 'items',
    b: 'products',
    values: [[line('product-2', 1)], [line('product-3', 4), line('product-2', 1)]],
  });

  describe('item.productId / item.product', () => {
    it.each(['items', 'products'] as const)('fills product from productId in every line of %s', (list) => {
      const lines = [{ ...line('product-2', 1), product: undefined }, { ...line('product-3', 2), product: undefined }];
      const value = acceptedValue(normalize(order({ items: undefined, products: undefined, [list]: lines })));
      for (const field of ['items', 'products']) {
        expect(value[field]).toEqual([line('product-2', 1), line('product-3', 2)]);
      }
      expect(validateDocument('orders', value)).toMatchObject({ ok: true });
    });

    it.each(['items', 'products'] as const)('fills productId from product in every line of %s', (list) => {
      const lines = [{ ...line('product-2', 1), productId: undefined }];
      const value = acceptedValue(normalize(order({ items: undefined, products: undefined, [list]: lines })));
      expect(value.items).toEqual([line('product-2', 1)]);
      expect(value.products).toEqual([line('product-2', 1)]);
    });

    it('accepts lines whose productId and product agree', () => {
      const value = acceptedValue(normalize(order({ items: [line('product-2', 1)], products: [line('product-2', 1)] })));
      expect(value.items).toEqual([line('product-2', 1)]);
    });

    it.each(['items', 'products'] as const)(
      'on a create, refuses a line of %s whose productId and product disagree, naming that line',
      (list) => {
        const lines = [line('product-2', 1), { ...line('product-3', 1), product: 'product-4' }];
        const error = refusalOf(normalize(order({ items: undefined, products: undefined, [list]: lines })));
        expect(error.code).toBe('ALIAS_CONFLICT');
        expect(error.fields).toEqual(expect.arrayContaining([`${list}[1].productId`, `${list}[1].product`]));
      },
    );

    it('on an update, a changed item.product wins over the productId echoed unchanged', () => {
      const edited = [storedLine({ product: 'product-9' })];
      const value = acceptedValue(normalize(order({ items: edited }), stored));
      expect(value.items).toEqual([storedLine({ productId: 'product-9', product: 'product-9' })]);
      // The other list was echoed unchanged, so it follows the edited one.
      expect(value.products).toEqual(value.items);
    });

    it('on an update, a changed item.productId in the legacy list wins and fills both lists', () => {
      const edited = [storedLine({ productId: 'product-9' })];
      const value = acceptedValue(normalize(order({ products: edited }), stored));
      expect(value.products).toEqual([storedLine({ productId: 'product-9', product: 'product-9' })]);
      expect(value.items).toEqual(value.products);
    });

    it('on an update, refuses a line whose productId and product both changed to different values', () => {
      const edited = [storedLine({ productId: 'product-8', product: 'product-9' })];
      const error = refusalOf(normalize(order({ items: edited }), stored));
      expect(error.code).toBe('ALIAS_CONFLICT');
      expect(error.fields).toEqual(expect.arrayContaining(['items[0].productId', 'items[0].product']));
    });
  });

  it.each(notObjects)('refuses %s as INVALID_ALIAS_VALUE without throwing', (_label, input) => {
    expect(refusalOf(normalize(input)).code).toBe('INVALID_ALIAS_VALUE');
  });

  it('turns a legacy order using only the old names into a valid order', () => {
    const legacyLines = [{ ...line('product-2', 3), productId: undefined }];
    const legacy = order({ userId: undefined, items: undefined, user: 'user-7', products: legacyLines });
    const value = acceptedValue(normalize(legacy));
    expect(value).toMatchObject({ userId: 'user-7', user: 'user-7' });
    expect(value.items).toEqual([line('product-2', 3)]);
    expect(validateDocument('orders', value)).toMatchObject({ ok: true });
  });

  it('is what the registry runs for orders', () => {
    const value = acceptedValue(collections.orders.normalize(order({ user: undefined }), {}));
    expect(value.user).toBe(stored.userId);
  });
});
