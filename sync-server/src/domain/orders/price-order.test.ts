import { defaultDeliveryRule, orderItemSchema, sampleDocument, type Product } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { maxLineQuantity, maxOrderLines, priceOrder as priceWithRule, type PriceOrderInput, type PriceOrderResult } from './price-order';

/** Today's rule (₹40, free from ₹499) unless a test gives another. */
const delivery = defaultDeliveryRule;
const priceOrder = (input: Omit<PriceOrderInput, 'delivery'> & { delivery?: PriceOrderInput['delivery'] }): PriceOrderResult =>
  priceWithRule({ delivery, ...input });

const product = (id: string, overrides: Partial<Product> = {}): Product =>
  sampleDocument('products', { id, slug: id, name: `Product ${id}`, ...overrides }) as Product;

const laddu = product('laddu', { name: 'Annavaram Laddu', price: 120, stock: 40, totalStock: 40 });
const pulihora = product('pulihora', {
  name: 'Pulihora Mix',
  price: 85.5,
  stock: 10,
  totalStock: 10,
  images: ['/images/pulihora.jpg'],
  imageUrl: '/images/pulihora.jpg',
});
const catalogue = [laddu, pulihora];

function priced(result: PriceOrderResult) {
  if (!result.ok) throw new Error(`expected a priced order, got ${result.code}: ${result.reason}`);
  return result;
}
function refused(result: PriceOrderResult) {
  if (result.ok) throw new Error('expected a refusal, got a priced order');
  return result;
}

describe('priceOrder', () => {
  describe('pricing', () => {
    it('snapshots name, price and image from the stored product, whatever the client sent', () => {
      const fromClient = [{ productId: 'laddu', quantity: 2, price: 1, name: 'Free laddu', imageUrl: '/evil.jpg' }];
      const { lines } = priced(priceOrder({ items: fromClient, products: catalogue }));
      expect(lines).toEqual([
        { productId: 'laddu', product: 'laddu', name: laddu.name, price: laddu.price, quantity: 2, imageUrl: laddu.imageUrl },
      ]);
    });

    it('takes the image from images[0] when imageUrl is missing, and leaves it out when there is none', () => {
      const noUrl = product('no-url', { images: ['/images/first.jpg'], imageUrl: undefined });
      const noImage = product('no-image', { images: [], imageUrl: undefined });
      const { lines } = priced(
        priceOrder({ items: [{ productId: 'no-url', quantity: 1 }, { productId: 'no-image', quantity: 1 }], products: [noUrl, noImage] }),
      );
      expect(lines[0]?.imageUrl).toBe('/images/first.jpg');
      expect(lines[1]).not.toHaveProperty('imageUrl');
    });

    it('produces lines that are valid order items', () => {
      const { lines } = priced(priceOrder({ items: [{ productId: 'laddu', quantity: 3 }, { productId: 'pulihora', quantity: 1 }], products: catalogue }));
      for (const line of lines) expect(orderItemSchema.safeParse(line).success).toBe(true);
    });

    it('computes subtotal, shipping and total from the stored prices', () => {
      const result = priced(priceOrder({ items: [{ productId: 'laddu', quantity: 1 }, { productId: 'pulihora', quantity: 2 }], products: catalogue }));
      const subtotal = laddu.price * 1 + pulihora.price * 2; // 291: below the free-shipping threshold
      expect(subtotal).toBeLessThan(delivery.freeFrom);
      expect(result.subtotal).toBe(subtotal);
      expect(result.shippingFee).toBe(delivery.fee);
      expect(result.total).toBe(subtotal + delivery.fee);
    });

    it('sums in paise, so prices like ₹0.10 and ₹19.99 add up exactly', () => {
      const dime = product('dime', { price: 0.1 });
      const twenty = product('twenty', { price: 0.2 });
      const odd = product('odd', { price: 19.99 });
      const result = priced(
        priceOrder({
          items: [{ productId: 'dime', quantity: 1 }, { productId: 'twenty', quantity: 1 }, { productId: 'odd', quantity: 3 }],
          products: [dime, twenty, odd],
        }),
      );
      const expectedPaise = 10 + 20 + 1999 * 3;
      expect(result.subtotal).toBe(expectedPaise / 100);
      expect(result.total).toBe((expectedPaise + delivery.fee * 100) / 100);
      // No drift: the numbers print as two-decimal amounts (a float sum would print 60.269999…).
      expect(String(result.subtotal)).toBe((expectedPaise / 100).toFixed(2));
      expect(String(result.total)).toBe(((expectedPaise + delivery.fee * 100) / 100).toFixed(2));
    });

    it('rounds a stored price with a third decimal to the paisa before multiplying', () => {
      const oddPrice = product('odd-price', { price: 10.005 });
      const result = priced(priceOrder({ items: [{ productId: 'odd-price', quantity: 3 }], products: [oddPrice] }));
      expect(result.lines[0]?.price).toBe(10.01);
      expect(result.subtotal).toBe((1001 * 3) / 100);
    });

    it.each([
      ['just below the threshold', delivery.freeFrom - 0.01, delivery.fee],
      ['exactly the threshold', delivery.freeFrom, 0],
      ['above the threshold', delivery.freeFrom + 1, 0],
    ])('charges shipping for a subtotal %s', (_label, price, fee) => {
      const item = product('item', { price });
      const result = priced(priceOrder({ items: [{ productId: 'item', quantity: 1 }], products: [item] }));
      expect(result.shippingFee).toBe(fee);
      expect(result.total).toBe((Math.round(price * 100) + fee * 100) / 100);
    });

    it.each([
      ['below its threshold', 2, 25],
      ['at its threshold', 4, 0],
    ])('charges delivery by the rule it is given (₹25, free from ₹1,000): %s', (_label, quantity, fee) => {
      const kit = product('kit', { price: 250, stock: 10, totalStock: 10 });
      const result = priced(priceOrder({ items: [{ productId: 'kit', quantity }], products: [kit], delivery: { fee: 25, freeFrom: 1000 } }));
      expect(result.shippingFee).toBe(fee);
      expect(result.total).toBe(250 * quantity + fee);
    });

    it('takes from stock exactly the merged quantities', () => {
      const result = priced(
        priceOrder({
          items: [{ productId: 'laddu', quantity: 2 }, { productId: 'pulihora', quantity: 1 }, { productId: 'laddu', quantity: 5 }],
          products: catalogue,
        }),
      );
      expect(result.stockChanges).toEqual([{ productId: 'laddu', quantity: 7 }, { productId: 'pulihora', quantity: 1 }]);
    });

    it('sells the last units: a quantity equal to the stock is fine', () => {
      const result = priceOrder({ items: [{ productId: 'pulihora', quantity: pulihora.stock }], products: catalogue });
      expect(result.ok).toBe(true);
    });
  });

  describe('merging lines', () => {
    it('merges lines for the same product into one', () => {
      const { lines } = priced(priceOrder({ items: [{ productId: 'laddu', quantity: 2 }, { productId: 'laddu', quantity: 3 }], products: catalogue }));
      expect(lines).toHaveLength(1);
      expect(lines[0]?.quantity).toBe(5);
    });

    it('accepts a merged quantity of exactly the maximum', () => {
      const plenty = product('plenty', { stock: 1000, totalStock: 1000 });
      const half = Math.floor(maxLineQuantity / 2);
      const result = priceOrder({
        items: [{ productId: 'plenty', quantity: half }, { productId: 'plenty', quantity: maxLineQuantity - half }],
        products: [plenty],
      });
      expect(result.ok).toBe(true);
    });

    it('refuses a merged quantity over the maximum as BAD_QUANTITY naming the product', () => {
      const plenty = product('plenty', { name: 'Bulk Laddu', stock: 1000, totalStock: 1000 });
      const result = refused(
        priceOrder({ items: [{ productId: 'plenty', quantity: 60 }, { productId: 'plenty', quantity: 40 }], products: [plenty] }),
      );
      expect(result.code).toBe('BAD_QUANTITY');
      expect(result.productIds).toEqual(['plenty']);
      expect(result.reason).toContain('Bulk Laddu');
      expect(result.reason).toContain(String(maxLineQuantity));
    });

    it.each([0, -1, 2.5, Number.NaN])('refuses a quantity of %s as BAD_QUANTITY', (quantity) => {
      const result = refused(priceOrder({ items: [{ productId: 'laddu', quantity }], products: catalogue }));
      expect(result.code).toBe('BAD_QUANTITY');
      expect(result.reason).toContain(laddu.name);
    });
  });

  describe('size of the order', () => {
    it('refuses an order with no lines as EMPTY_ORDER', () => {
      const result = refused(priceOrder({ items: [], products: catalogue }));
      expect(result.code).toBe('EMPTY_ORDER');
      expect(result.productIds).toEqual([]);
      expect(result.reason.length).toBeGreaterThan(0);
    });

    const many = (count: number) => Array.from({ length: count }, (_, i) => product(`p${i}`));

    it('accepts the maximum number of different products', () => {
      const products = many(maxOrderLines);
      const result = priceOrder({ items: products.map((p) => ({ productId: p.id, quantity: 1 })), products });
      expect(result.ok).toBe(true);
    });

    it('refuses one different product more than the maximum as TOO_MANY_LINES', () => {
      const products = many(maxOrderLines + 1);
      const result = refused(priceOrder({ items: products.map((p) => ({ productId: p.id, quantity: 1 })), products }));
      expect(result.code).toBe('TOO_MANY_LINES');
      expect(result.reason).toContain(String(maxOrderLines));
    });

    it('counts lines after merging: many lines of one product are one line', () => {
      const plenty = product('plenty', { stock: 1000, totalStock: 1000 });
      const items = Array.from({ length: maxOrderLines + 10 }, () => ({ productId: 'plenty', quantity: 1 }));
      const result = priced(priceOrder({ items, products: [plenty] }));
      expect(result.lines).toHaveLength(1);
    });
  });

  describe('availability', () => {
    it.each([
      ['inactive', { isActive: false }],
      ['deleted', { _deleted: true }],
    ])('refuses an %s product as PRODUCT_UNAVAILABLE, naming it', (_label, overrides) => {
      const gone = product('gone', { name: 'Old Kova', ...overrides });
      const result = refused(priceOrder({ items: [{ productId: 'gone', quantity: 1 }, { productId: 'laddu', quantity: 1 }], products: [gone, laddu] }));
      expect(result.code).toBe('PRODUCT_UNAVAILABLE');
      expect(result.productIds).toEqual(['gone']);
      expect(result.reason).toContain('Old Kova');
      expect(result.reason).not.toContain(laddu.name);
    });

    it('refuses a product the catalogue does not hold, without showing its id', () => {
      const result = refused(priceOrder({ items: [{ productId: 'ghost-123', quantity: 1 }], products: catalogue }));
      expect(result.code).toBe('PRODUCT_UNAVAILABLE');
      expect(result.productIds).toEqual(['ghost-123']);
      expect(result.reason).not.toContain('ghost-123');
    });
  });

  describe('stock', () => {
    it('says how many are left when some are', () => {
      const few = product('few', { name: 'Annavaram Laddu', stock: 3, totalStock: 3 });
      const result = refused(priceOrder({ items: [{ productId: 'few', quantity: 5 }], products: [few] }));
      expect(result.code).toBe('OUT_OF_STOCK');
      expect(result.reason).toContain('Only 3 of Annavaram Laddu left');
    });

    it('says a product is out of stock when none are left', () => {
      const none = product('none', { name: 'Palakova', stock: 0, totalStock: 0 });
      const result = refused(priceOrder({ items: [{ productId: 'none', quantity: 1 }], products: [none] }));
      expect(result.code).toBe('OUT_OF_STOCK');
      expect(result.reason).toContain('Palakova is out of stock');
    });

    it('reports every product short of stock, in the order of the lines', () => {
      const a = product('a', { name: 'Alpha', stock: 1, totalStock: 1 });
      const b = product('b', { name: 'Beta', stock: 50, totalStock: 50 });
      const c = product('c', { name: 'Gamma', stock: 0, totalStock: 0 });
      const result = refused(
        priceOrder({ items: [{ productId: 'c', quantity: 1 }, { productId: 'b', quantity: 2 }, { productId: 'a', quantity: 2 }], products: [a, b, c] }),
      );
      expect(result.productIds).toEqual(['c', 'a']);
      expect(result.reason).toContain('Alpha');
      expect(result.reason).toContain('Gamma');
      expect(result.reason).not.toContain('Beta');
    });

    it('checks stock against the merged quantity, not each line', () => {
      const few = product('few', { stock: 4, totalStock: 4 });
      const result = refused(priceOrder({ items: [{ productId: 'few', quantity: 3 }, { productId: 'few', quantity: 2 }], products: [few] }));
      expect(result.code).toBe('OUT_OF_STOCK');
    });

    it('names unavailable and short products together, coded as unavailable', () => {
      const gone = product('gone', { name: 'Old Kova', isActive: false });
      const few = product('few', { name: 'Annavaram Laddu', stock: 1, totalStock: 1 });
      const result = refused(priceOrder({ items: [{ productId: 'few', quantity: 2 }, { productId: 'gone', quantity: 1 }], products: [gone, few] }));
      expect(result.code).toBe('PRODUCT_UNAVAILABLE');
      expect(result.productIds).toEqual(['few', 'gone']);
      expect(result.reason).toContain('Old Kova');
      expect(result.reason).toContain('Annavaram Laddu');
    });

    it('keeps the reason within the order schema\'s 500 characters however many products are short', () => {
      const products = Array.from({ length: maxOrderLines }, (_, i) =>
        product(`p${i}`, { name: `${'Very long product name '.repeat(8)}${i}`, stock: 0, totalStock: 0 }),
      );
      const result = refused(priceOrder({ items: products.map((p) => ({ productId: p.id, quantity: 1 })), products }));
      expect(result.productIds).toHaveLength(maxOrderLines);
      expect(result.reason.length).toBeLessThanOrEqual(500);
      expect(result.reason).toContain(products[0]?.name);
      expect(result.reason).toMatch(/more items need changes too\.$/);
    });
  });
});
