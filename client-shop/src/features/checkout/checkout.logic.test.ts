import { validateDocument } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { checkAddress, emptyAddressForm, toAddressForm, toAddressSummary, toPlaceholderOrder } from './checkout.logic';

const form = { name: 'Sita', phone: '98480 22338', line1: '1 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };
const address = { name: 'Sita', phone: '9848022338', line1: '1 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };
const line = (productId: string, price: number, quantity: number) => ({ id: `l-${productId}`, productId, name: productId, price, quantity, lineTotal: price * quantity });

describe('checkout', () => {
  it('accepts a complete address, trimming it and taking spaces out of the phone number', () => {
    expect(checkAddress({ ...form, city: ' Annavaram ' })).toEqual({ ok: true, address });
  });

  it('names every missing or malformed field', () => {
    const check = checkAddress({ ...emptyAddressForm, pincode: '12345' });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.errors).sort()).toEqual(['city', 'line1', 'name', 'phone', 'pincode', 'state']);
  });

  const now = '2026-01-01T00:00:00.000Z';
  const rule = { fee: 40, freeFrom: 499 };

  it.each([
    ['below the threshold', [line('p1', 60, 2)], rule, 40, 160],
    ['one paisa below it', [line('p1', 498.99, 1)], rule, 40, 538.99],
    ['at the threshold', [line('p1', 499, 1)], rule, 0, 499],
    ['by the rule the server sent (₹25, free from ₹1,000)', [line('p1', 300, 3)], { fee: 25, freeFrom: 1000 }, 25, 925],
  ])('charges delivery on the placeholder by the shop’s rule: %s', (_label, lines, delivery, fee, total) => {
    const order = toPlaceholderOrder({ id: '0f1e2d3c-aaaa-bbbb-cccc-000000000000', userId: 'u1', lines, address, delivery, now });
    expect(order).toMatchObject({ shippingFee: fee, total });
  });

  it('makes a placeholder order that passes the strict order schema and is marked as not yet synced', () => {
    const order = toPlaceholderOrder({ id: '0f1e2d3c-aaaa-bbbb-cccc-000000000000', userId: 'u1', lines: [line('p1', 60, 2)], address, delivery: rule, now });
    expect(validateDocument('orders', order)).toMatchObject({ ok: true });
    expect(order).toMatchObject({
      orderId: 'pending-0f1e2d3c',
      userId: 'u1',
      user: 'u1',
      items: [{ productId: 'p1', product: 'p1', quantity: 2, price: 60 }],
      subtotal: 120,
      shippingFee: 40,
      total: 160,
      status: 'pending',
      paymentMethod: 'cod',
      statusHistory: [{ status: 'pending', at: now, by: 'customer' }],
    });
  });
});

describe('saved addresses at checkout', () => {
  const address = { name: 'Sita', phone: '9848022338', line1: '1 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };

  it('puts an address back into the form so it checks out the same', () => {
    const check = checkAddress(toAddressForm(address));
    expect(check).toEqual({ ok: true, address });
  });

  it('sums an address up on one line', () => {
    expect(toAddressSummary(address)).toBe('Sita, 1 Temple Road, Annavaram 533406');
  });
});
