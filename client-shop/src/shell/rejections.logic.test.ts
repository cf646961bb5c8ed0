import { describe, expect, it } from 'vitest';
import { toRejectionView } from './rejections.logic';

describe('what the shopper reads about a refused change', () => {
  it.each([
    ['reviews', 'DUPLICATE_REVIEW', 'Your review was not posted', /earlier review/],
    ['reviews', 'REVIEW_HIDDEN', 'Your review was not posted', /kept in the review form/],
    ['cart_items', 'PRODUCT_UNAVAILABLE', 'A change to your cart was undone', /no longer sold/],
    ['users', 'VALIDATION_FAILED', 'Your profile change was not saved', /Check what you entered/],
    ['somewhere', 'SOMETHING_NEW', 'A change could not be saved', /try again/],
    ['orders', 'VALIDATION_FAILED', 'Your order could not be placed', /Check what you entered/],
    ['orders', 'INVALID_TRANSITION', 'Your order was not cancelled', /stays as it is now/],
    ['orders', 'ORDER_NOT_UPDATED', 'Your order was not cancelled', /cancel it again/],
    ['orders', 'FORBIDDEN', 'Your order was not cancelled', /not allowed from the shop/],
  ])('explains %s refused with %s', (collection, code, what, next) => {
    const view = toRejectionView({ collection, id: 'x', code, message: 'The server says why.' }, 0);
    expect(view.what).toBe(what);
    expect(view.why).toBe('The server says why.');
    expect(view.next).toMatch(next);
  });

  it('reads a cancel the server refused because the shop moved the order on', () => {
    const view = toRejectionView({ collection: 'orders', id: 'o1', code: 'INVALID_TRANSITION', message: 'Order OA-20260101-7K3F9Q has already confirmed and can no longer be cancelled.' }, 0);
    expect(`${view.what}: ${view.why} ${view.next}`).toBe(
      'Your order was not cancelled: Order OA-20260101-7K3F9Q has already confirmed and can no longer be cancelled. The order stays as it is now: open it in My orders to see where it is.',
    );
  });

  it('keeps two rejections of one row apart', () => {
    const rejection = { collection: 'users', id: 'u1', code: 'VALIDATION_FAILED', message: 'm' };
    expect(toRejectionView(rejection, 0).key).not.toBe(toRejectionView(rejection, 1).key);
  });
});
