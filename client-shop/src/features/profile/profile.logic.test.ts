import { userSchema } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { canAddAddress, checkProfile, toDefaultAddress, toShippingAddress, withAddress, withDefaultAddress, withoutAddress, type SavedAddress } from './profile.logic';

const home = { name: 'Asha', phone: '9876543210', line1: '1 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };
const office = { ...home, line1: '2 Beach Road', city: 'Kakinada', pincode: '533001' };

describe('the profile', () => {
  it.each([
    [{ name: 'Asha', phone: '' }, { ok: true, name: 'Asha', phone: undefined }],
    [{ name: ' Asha ', phone: '98765 43210' }, { ok: true, name: 'Asha', phone: '9876543210' }],
  ])('accepts %j', (form, expected) => {
    expect(checkProfile(form)).toEqual(expected);
  });

  it.each([
    [{ name: '', phone: '' }, ['name']],
    [{ name: 'x'.repeat(101), phone: '' }, ['name']],
    [{ name: 'Asha', phone: '123' }, ['phone']],
  ])('refuses %j, naming %j', (form, fields) => {
    const check = checkProfile(form);
    expect(check.ok ? [] : Object.keys(check.errors)).toEqual(fields);
  });

  it('makes the first saved address the default, and later ones not', () => {
    const one = withAddress([], home, 'a1', 'Home');
    const two = withAddress(one, office, 'a2');
    expect(two.map((saved) => [saved.id, saved.isDefault ?? false, saved.label])).toEqual([['a1', true, 'Home'], ['a2', false, undefined]]);
    expect(userSchema.shape.addresses.safeParse(two).success).toBe(true);
  });

  it('edits an address in place, keeping it the default', () => {
    const edited = withAddress(withAddress([], home, 'a1'), { ...home, line1: '9 New Street' }, 'a1');
    expect(edited).toEqual([{ ...home, line1: '9 New Street', id: 'a1', isDefault: true }]);
  });

  it('moves the default to the next address when the default is removed', () => {
    const saved = withAddress(withAddress([], home, 'a1'), office, 'a2');
    expect(withoutAddress(saved, 'a1')).toEqual([{ ...office, id: 'a2', isDefault: true }]);
    expect(withoutAddress(saved, 'a2')).toEqual([{ ...home, id: 'a1', isDefault: true }]);
  });

  it('chooses one default', () => {
    const saved = withDefaultAddress(withAddress(withAddress([], home, 'a1'), office, 'a2'), 'a2');
    expect(saved.filter((entry) => entry.isDefault).map((entry) => entry.id)).toEqual(['a2']);
    expect(toDefaultAddress(saved)?.id).toBe('a2');
  });

  it('stops at ten addresses', () => {
    const ten: SavedAddress[] = Array.from({ length: 10 }, (_, i) => ({ ...home, id: `a${i}` }));
    expect(canAddAddress(ten)).toBe(false);
    expect(canAddAddress(ten.slice(1))).toBe(true);
  });

  it('turns a saved address into an order’s shipping address', () => {
    expect(toShippingAddress({ ...home, id: 'a1', label: 'Home', isDefault: true })).toEqual(home);
  });
});
