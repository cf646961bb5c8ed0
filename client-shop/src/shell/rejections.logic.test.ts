import { describe, expect, it } from 'vitest';
import { toRejectionView } from './rejections.logic';

describe('what the shopper reads about a refused change', () => {
  it.each([
    ['reviews', 'DUPLICATE_REVIEW', 'Your review was not posted', /earlier review/],
    ['cart_items', 'PRODUCT_UNAVAILABLE', 'A change to your cart was undone', /no longer sold/],
    ['users', 'VALIDATION_FAILED', 'Your profile change was not saved', /Check what you entered/],
    ['somewhere', 'SOMETHING_NEW', 'A change could not be saved', /try again/],
  ])('explains %s refused with %s', (collection, code, what, next) => {
    const view = toRejectionView({ collection, id: 'x', code, message: 'The server says why.' }, 0);
    expect(view.what).toBe(what);
    expect(view.why).toBe('The server says why.');
    expect(view.next).toMatch(next);
  });

  it('keeps two rejections of one row apart', () => {
    const rejection = { collection: 'users', id: 'u1', code: 'VALIDATION_FAILED', message: 'm' };
    expect(toRejectionView(rejection, 0).key).not.toBe(toRejectionView(rejection, 1).key);
  });
});
