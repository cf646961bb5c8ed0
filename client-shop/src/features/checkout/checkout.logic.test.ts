import { validateDocument } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { checkAddress, emptyAddressForm, toAddressForm, toAddressSummary, toFirstInvalidField, toPhoneNumber, toPinCode, toPlaceholderOrder, withProfilePrefill } from './checkout.logic';

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

describe('numbers typed with separators', () => {
  it.each([
    ['533406', '533406'],
    ['533 406', '533406'],
    [' 533 406 ', '533406'],
    ['533-406', '533406'],
    ['533\u00a0406', '533406'],
    ['533.406', '533406'],
  ])('reads the PIN code %j as %j', (typed, stored) => {
    expect(toPinCode(typed)).toBe(stored);
  });

  it.each([
    ['98480 22338', '9848022338'],
    ['98480-22338', '9848022338'],
    ['+91 98480 22338', '+919848022338'],
    ['(0884) 123-4567', '08841234567'],
    ['98480\u202f22338', '9848022338'],
    ['98480.22338', '9848022338'],
  ])('reads the phone number %j as %j', (typed, stored) => {
    expect(toPhoneNumber(typed)).toBe(stored);
  });

  it.each([
    ['a PIN code with a space', { pincode: '533 406' }, { pincode: '533406' }],
    ['a PIN code with a hyphen', { pincode: '533-406' }, { pincode: '533406' }],
    ['a phone number with a country code and spaces', { phone: '+91 98480 22338' }, { phone: '+919848022338' }],
  ])('accepts and stores without separators %s', (_label, fields, stored) => {
    expect(checkAddress({ ...form, ...fields })).toEqual({ ok: true, address: { ...address, ...stored } });
  });

  it.each([
    ['letters in the PIN code', { pincode: '533 40a' }, 'pincode'],
    ['five digits of PIN code', { pincode: '533 06' }, 'pincode'],
    ['a PIN code starting with 0', { pincode: '033 406' }, 'pincode'],
    ['a short phone number', { phone: '98480 223' }, 'phone'],
    ['letters in the phone number', { phone: '98480 2233x' }, 'phone'],
  ])('still refuses %s', (_label, fields, field) => {
    const check = checkAddress({ ...form, ...fields });
    expect(check.ok ? [] : Object.keys(check.errors)).toEqual([field]);
  });
});

describe('after a refused submit', () => {
  it.each([
    [{}, undefined],
    [{ pincode: 'x' }, 'pincode'],
    [{ pincode: 'x', phone: 'x' }, 'phone'],
    [{ city: 'x', name: 'x' }, 'name'],
  ] as const)('takes the shopper to the first field to fix in the form’s order: %j', (errors, first) => {
    expect(toFirstInvalidField(errors)).toBe(first);
  });
});

describe('the new address prefilled from the profile', () => {
  it.each([
    ['fills an empty form with the name and phone', emptyAddressForm, { name: 'Sita', phone: '9848022338' }, { ...emptyAddressForm, name: 'Sita', phone: '9848022338' }],
    ['fills the name alone when the profile has no phone', emptyAddressForm, { name: 'Sita' }, { ...emptyAddressForm, name: 'Sita' }],
    ['keeps what the shopper typed', { ...emptyAddressForm, name: 'Ravi' }, { name: 'Sita', phone: '9848022338' }, { ...emptyAddressForm, name: 'Ravi', phone: '9848022338' }],
    ['leaves the form alone when the profile knows nothing', emptyAddressForm, {}, emptyAddressForm],
  ])('%s', (_label, start, profile, expected) => {
    expect(withProfilePrefill(start, profile)).toEqual(expected);
  });

  it('returns the same form when nothing changes (no needless render)', () => {
    const typed = { ...emptyAddressForm, name: 'Ravi', phone: '1' };
    expect(withProfilePrefill(typed, { name: 'Sita', phone: '2' })).toBe(typed);
  });
});
