import { defaultDeliveryRule, sampleDocument, validateDocument, type Address, type Product } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { buildOrder, unavailableProductName, type BuildOrderInput, type BuildOrderResult } from './build-order';
import { maxOrderLines, priceOrder } from './price-order';

const now = '2026-11-24T10:00:00.000Z';
const delivery = defaultDeliveryRule;
const product = (id: string, overrides: Partial<Product> = {}): Product =>
  sampleDocument('products', { id, slug: id, name: `Product ${id}`, ...overrides }) as Product;
const laddu = product('laddu', { name: 'Annavaram Laddu', price: 120, stock: 40, totalStock: 40 });
const kova = product('kova', { name: 'Palakova', price: 99.5, stock: 3, totalStock: 3, images: [], imageUrl: undefined });
const address: Address = {
  name: 'Lakshmi Devi',
  phone: '+919876543210',
  line1: '12 Temple Road',
  city: 'Annavaram',
  state: 'Andhra Pradesh',
  pincode: '533406',
};

const build = (changes: { input?: Partial<BuildOrderInput['input']>; products?: Product[]; delivery?: BuildOrderInput['delivery'] } = {}): BuildOrderResult =>
  buildOrder({
    id: 'order-abc',
    caller: 'user-42',
    input: { items: [{ productId: 'laddu', quantity: 2 }], shippingAddress: address, paymentMethod: 'cod', ...changes.input },
    products: changes.products ?? [laddu, kova],
    delivery: changes.delivery ?? delivery,
    now,
    orderNumber: 'OA-20261124-7K3F9Q',
  });

function stored(result: BuildOrderResult) {
  if (!result.ok) throw new Error(`expected an order, got ${result.code}: ${result.reason}`);
  expect(validateDocument('orders', result.order)).toEqual({ ok: true, value: result.order });
  return result;
}

describe('buildOrder', () => {
  describe('a placed order', () => {
    const result = stored(build({ input: { items: [{ productId: 'laddu', quantity: 2 }, { productId: 'kova', quantity: 1 }], notes: 'Ring twice' } }));
    const { order } = result;

    it('is pending, with a pending payment and the customer\'s first history entry', () => {
      expect(order.status).toBe('pending');
      expect(order.paymentStatus).toBe('pending');
      expect(order.statusHistory).toEqual([{ status: 'pending', at: now, by: 'customer' }]);
      expect(result.rejection).toBeNull();
    });

    it('belongs to the caller under both legacy names, and carries the server\'s order number', () => {
      expect(order.userId).toBe('user-42');
      expect(order.user).toBe('user-42');
      expect(order.orderId).toBe('OA-20261124-7K3F9Q');
      expect(order.id).toBe('order-abc');
      expect(order._deleted).toBe(false);
      expect(order.createdAt).toBe(now);
      expect(order.updatedAt).toBe(now);
    });

    it('has the same lines under items and products, as separate arrays', () => {
      expect(order.products).toEqual(order.items);
      expect(order.products).not.toBe(order.items);
    });

    it('is priced from the stored catalogue, as priceOrder prices it', () => {
      const subtotal = laddu.price * 2 + kova.price;
      expect(subtotal).toBeLessThan(delivery.freeFrom);
      expect(order.subtotal).toBe(subtotal);
      expect(order.shippingFee).toBe(delivery.fee);
      expect(order.total).toBe(subtotal + delivery.fee);
      expect(order.items.map((line) => [line.productId, line.name, line.price, line.quantity])).toEqual([
        ['laddu', laddu.name, laddu.price, 2],
        ['kova', kova.name, kova.price, 1],
      ]);
    });

    it('charges delivery by the rule it is given', () => {
      // ₹339.50 of goods: ₹40 under today's rule; ₹25 when delivery is ₹25, free from ₹1,000.
      const configured = stored(build({ input: { items: [{ productId: 'laddu', quantity: 2 }, { productId: 'kova', quantity: 1 }] }, delivery: { fee: 25, freeFrom: 1000 } }));
      expect(configured.order).toMatchObject({ subtotal: 339.5, shippingFee: 25, total: 364.5 });
      const free = stored(build({ input: { items: [{ productId: 'laddu', quantity: 2 }] }, delivery: { fee: 25, freeFrom: 240 } }));
      expect(free.order).toMatchObject({ subtotal: 240, shippingFee: 0, total: 240 });
    });

    it('asks the caller to take the ordered units from stock', () => {
      expect(result.stockChanges).toEqual([{ productId: 'laddu', quantity: 2 }, { productId: 'kova', quantity: 1 }]);
    });

    it('keeps the address and the (trimmed) notes', () => {
      expect(order.shippingAddress).toEqual(address);
      expect(order.notes).toBe('Ring twice');
      expect(order.paymentMethod).toBe('cod');
    });

    it('never takes a price or name from the client\'s lines', () => {
      const cheat = stored(build({ input: { items: [{ productId: 'laddu', quantity: 1, price: 1, name: 'Free', subtotal: 0 } as never] } }));
      expect(cheat.order.items[0]?.price).toBe(laddu.price);
      expect(cheat.order.items[0]?.name).toBe(laddu.name);
    });

    it('leaves out blank notes', () => {
      expect(stored(build({ input: { notes: '   ' } })).order).not.toHaveProperty('notes');
      expect(stored(build({ input: { notes: null } })).order).not.toHaveProperty('notes');
    });

    it('builds the same document from the same push, so a replay cannot differ', () => {
      expect(build()).toEqual(build());
    });
  });

  describe('a rejected order', () => {
    it('is stored with the shopper\'s reason when stock is short, and takes no stock', () => {
      const items = [{ productId: 'laddu', quantity: 1 }, { productId: 'kova', quantity: 5 }];
      const result = stored(build({ input: { items } }));
      const pricing = priceOrder({ items, products: [laddu, kova], delivery });
      if (pricing.ok) throw new Error('the catalogue should be short of Palakova');
      expect(result.order.status).toBe('rejected');
      expect(result.order.rejectionReason).toBe(pricing.reason);
      expect(result.order.rejectionReason).toContain(`Only ${kova.stock} of ${kova.name} left`);
      expect(result.rejection).toEqual({ code: 'OUT_OF_STOCK', productIds: ['kova'] });
      expect(result.stockChanges).toEqual([]);
    });

    it('has a void payment, zero totals and a system history entry', () => {
      const { order } = stored(build({ input: { items: [{ productId: 'kova', quantity: 10 }] } }));
      expect(order.paymentStatus).toBe('void');
      expect([order.subtotal, order.shippingFee, order.total]).toEqual([0, 0, 0]);
      expect(order.statusHistory).toEqual([{ status: 'rejected', at: now, by: 'system' }]);
    });

    it('describes its lines from the stored products, even inactive ones', () => {
      const retired = product('retired', { name: 'Old Kova', price: 75, isActive: false });
      const { order, rejection } = stored(
        build({ input: { items: [{ productId: 'retired', quantity: 2 }, { productId: 'laddu', quantity: 1 }] }, products: [retired, laddu] }),
      );
      expect(rejection?.code).toBe('PRODUCT_UNAVAILABLE');
      expect(order.items.map((line) => [line.productId, line.product, line.name, line.price, line.quantity])).toEqual([
        ['retired', 'retired', 'Old Kova', 75, 2],
        ['laddu', 'laddu', laddu.name, laddu.price, 1],
      ]);
      expect(order.rejectionReason).toContain('Old Kova');
    });

    it('names a product the catalogue does not hold with a placeholder and price 0', () => {
      const { order } = stored(build({ input: { items: [{ productId: 'ghost', quantity: 1 }] } }));
      expect(order.items).toEqual([{ productId: 'ghost', product: 'ghost', name: unavailableProductName, price: 0, quantity: 1 }]);
      expect(order.products).toEqual(order.items);
    });

    it('refuses online payment for now, saying to choose cash on delivery', () => {
      const result = stored(build({ input: { paymentMethod: 'online' } }));
      expect(result.order.status).toBe('rejected');
      expect(result.order.paymentMethod).toBe('online');
      expect(result.order.rejectionReason).toBe('Online payment is not available yet; choose cash on delivery.');
      expect(result.rejection).toEqual({ code: 'PAYMENT_METHOD_UNAVAILABLE', productIds: [] });
      expect(result.order.items[0]?.name).toBe(laddu.name);
    });

    it('reports the payment method before stock when both are wrong', () => {
      const result = stored(build({ input: { paymentMethod: 'online', items: [{ productId: 'kova', quantity: 50 }] } }));
      expect(result.rejection?.code).toBe('PAYMENT_METHOD_UNAVAILABLE');
    });
  });

  describe('a request that cannot become an order', () => {
    it.each([
      ['no lines', [], 'EMPTY_ORDER'],
      ['a quantity of zero', [{ productId: 'laddu', quantity: 0 }], 'BAD_QUANTITY'],
      ['a quantity that is not a number', [{ productId: 'laddu', quantity: Number.NaN }], 'BAD_QUANTITY'],
      ['more than 99 of one product after merging', [{ productId: 'laddu', quantity: 50 }, { productId: 'laddu', quantity: 50 }], 'BAD_QUANTITY'],
      [
        'too many different products',
        Array.from({ length: maxOrderLines + 1 }, (_, i) => ({ productId: `p${i}`, quantity: 1 })),
        'TOO_MANY_LINES',
      ],
    ])('is refused for %s', (_label, items, code) => {
      const result = build({ input: { items } });
      expect(result).toMatchObject({ ok: false, code, fields: ['items'] });
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
    });

    it.each([
      ['a bad PIN code', { shippingAddress: { ...address, pincode: '12' } }, 'shippingAddress.pincode'],
      ['an address with an unknown field', { shippingAddress: { ...address, floor: 3 } }, 'shippingAddress.floor'],
      ['no address', { shippingAddress: undefined }, 'shippingAddress'],
      ['an unknown payment method', { paymentMethod: 'bitcoin' }, 'paymentMethod'],
      ['notes that are not text', { notes: 42 }, 'notes'],
      ['notes that are too long', { notes: 'x'.repeat(501) }, 'notes'],
    ])('is refused as VALIDATION_FAILED for %s, naming the field', (_label, input, field) => {
      const result = build({ input });
      if (result.ok) throw new Error('expected a refusal');
      expect(result.code).toBe('VALIDATION_FAILED');
      expect(result.fields).toContain(field);
    });

    it('is refused when the caller id is not an id', () => {
      const result = buildOrder({
        id: 'order-1',
        caller: '',
        input: { items: [{ productId: 'laddu', quantity: 1 }], shippingAddress: address, paymentMethod: 'cod' },
        products: [laddu],
        delivery,
        now,
        orderNumber: 'OA-20261124-7K3F9Q',
      });
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    });
  });
});
