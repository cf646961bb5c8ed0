/** Which states a device holds of its own writes are the stored document as far as its next write is concerned. */
import type { Caller, CollectionName } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../storage/port';
import { changesNothing } from './changes-nothing';
import { prepareWrite } from './prepare-write';

const shopper: Caller = { role: 'customer', id: 'u-1' };
const other: Caller = { role: 'customer', id: 'u-2' };
const admin: Caller = { role: 'admin', id: 'a-1' };
const serverTime = '2026-12-02T10:00:00.345Z';
const deviceTime = '2026-12-02T10:00:00.282Z';

/** What the server stores when `caller` creates `sent`: as a push would. */
function storedFrom(collection: CollectionName, caller: Caller, sent: Record<string, unknown> & { id: string }): StoredDocument {
  const prepared = prepareWrite({ collection, caller, stored: undefined, incoming: sent, now: serverTime });
  if (prepared.kind !== 'write') throw new Error(`not stored: ${JSON.stringify(prepared)}`);
  return prepared.doc as unknown as StoredDocument;
}

const line = { id: 'ci-1', _deleted: false, cartId: 'cart-u-1', productId: 'p-1', quantity: 1, createdAt: deviceTime, updatedAt: deviceTime };
const wishlist = { id: 'w-1', _deleted: false, productIds: ['p-1'], createdAt: deviceTime, updatedAt: deviceTime };
const cart = { id: 'cart-u-1', _deleted: false, createdAt: deviceTime, updatedAt: deviceTime };

describe('changesNothing', () => {
  it.each<[string, CollectionName, Caller, Record<string, unknown> & { id: string }, Record<string, unknown>, boolean]>([
    ['a cart line as the device sent it, with its own clock’s times', 'cart_items', shopper, line, line, true],
    ['the same line with no times at all', 'cart_items', shopper, line, { ...line, createdAt: undefined, updatedAt: undefined }, true],
    ['a wishlist as sent', 'wishlists', shopper, wishlist, wishlist, true],
    ['a line whose quantity another device changed since', 'cart_items', shopper, line, { ...line, quantity: 2 }, false],
    ['a line claiming another cart (a field the role may not change)', 'cart_items', shopper, line, { ...line, cartId: 'cart-x' }, false],
    ['a wishlist holding other products', 'wishlists', shopper, wishlist, { ...wishlist, productIds: ['p-2'] }, false],
    // A shopper may not update a cart: the state cannot be judged a write, so it stays a conflict.
    ['a cart (which its owner may not update) as sent', 'carts', shopper, cart, cart, false],
    ['a line of another shopper', 'cart_items', other, line, line, false],
    ['a line as seen by a role that may not write it', 'cart_items', admin, line, line, false],
  ])('%s: %s', (_name, collection, caller, sent, state, expected) => {
    const stored = storedFrom(collection, shopper, sent); // every one of these is the shopper's own
    expect(changesNothing({ collection, caller, stored, state })).toBe(expected);
  });

  it('judges a deletion of a deleted line as changing nothing, and a line brought back as a change', () => {
    const stored = { ...storedFrom('cart_items', shopper, line), _deleted: true };
    expect(changesNothing({ collection: 'cart_items', caller: shopper, stored, state: { ...line, _deleted: true } })).toBe(true);
    expect(changesNothing({ collection: 'cart_items', caller: shopper, stored, state: line })).toBe(false);
  });

  it('never changes the stored document it is given', () => {
    const stored = storedFrom('cart_items', shopper, line);
    const before = structuredClone(stored);
    changesNothing({ collection: 'cart_items', caller: shopper, stored, state: { ...line, quantity: 3 } });
    expect(stored).toEqual(before);
  });
});
