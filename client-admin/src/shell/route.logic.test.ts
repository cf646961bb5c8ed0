import { describe, expect, it } from 'vitest';
import { parseRoute, toPath, type Route } from './route.logic';

describe('the admin app’s addresses', () => {
  it.each<[string, Route]>([
    ['/', { name: 'dashboard' }],
    ['/orders', { name: 'orders' }],
    ['/status/packed', { name: 'orders', status: 'packed' }],
    ['/status/lost', { name: 'not-found' }],
    ['/orders/o-1', { name: 'order', id: 'o-1' }],
    ['/products', { name: 'products' }],
    ['/products/new', { name: 'product', id: 'new' }],
    ['/products/demo-product-1', { name: 'product', id: 'demo-product-1' }],
    ['/categories', { name: 'categories' }],
    ['/reviews', { name: 'reviews' }],
    ['/users', { name: 'users' }],
    ['/payments', { name: 'payments' }],
    ['/admins/', { name: 'admins' }],
    ['/more', { name: 'more' }],
    ['/orders/..', { name: 'not-found' }],
    ['/shop', { name: 'not-found' }],
  ])('reads %s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it.each<Route>([{ name: 'dashboard' }, { name: 'orders', status: 'shipped' }, { name: 'order', id: 'x_1' }, { name: 'product', id: 'new' }, { name: 'admins' }])(
    'writes %j so it reads back',
    (route) => {
      expect(parseRoute(toPath(route))).toEqual(route);
    },
  );
});
