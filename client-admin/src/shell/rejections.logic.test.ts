import { describe, expect, it } from 'vitest';
import { toRejectionView } from './rejections.logic';

describe('what an admin reads about a refused change', () => {
  it.each([
    ['admins', 'LAST_ACTIVE_ADMIN', 'An admin change was not saved', /another admin first/],
    ['admins', 'CANNOT_CHANGE_SELF', 'An admin change was not saved', /Another admin can do this/],
    ['products', 'DUPLICATE', 'A product change was not saved', /another slug/],
    ['elsewhere', 'NEW_CODE', 'A change was not saved', /make the change again/],
  ])('explains %s refused with %s', (collection, code, what, next) => {
    const view = toRejectionView({ collection, id: 'x', code, message: 'Because.' }, 0);
    expect([view.what, view.why]).toEqual([what, 'Because.']);
    expect(view.next).toMatch(next);
  });
});
