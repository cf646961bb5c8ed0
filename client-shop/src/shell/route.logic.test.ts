import { describe, expect, it } from 'vitest';
import { parseRoute, toPath, type Route } from './route.logic';

describe('the shop’s addresses', () => {
  it.each<[string, Route]>([
    ['/', { name: 'shop' }],
    ['/cart', { name: 'cart' }],
    ['/cart/', { name: 'cart' }],
    ['/wishlist', { name: 'wishlist' }],
    ['/checkout', { name: 'checkout' }],
    ['/orders', { name: 'orders' }],
    ['/account', { name: 'account' }],
    ['/products/demo-product-1', { name: 'product', id: 'demo-product-1' }],
    ['/products/..', { name: 'not-found' }],
    ['/products/%E0%A4', { name: 'not-found' }],
    ['/products', { name: 'not-found' }],
    ['/orders/0b7e3c1a-5f2d-4c8e-9a61-2d4f8b9e7c10', { name: 'order', id: '0b7e3c1a-5f2d-4c8e-9a61-2d4f8b9e7c10' }],
    ['/orders/o1/', { name: 'order', id: 'o1' }],
    ['/orders/..', { name: 'not-found' }],
    ['/orders/%E0%A4', { name: 'not-found' }],
    ['/orders/a%20b', { name: 'not-found' }],
    ['/orders/o1/items', { name: 'not-found' }],
    ['/admin', { name: 'not-found' }],
  ])('reads %s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it.each<Route>([{ name: 'shop' }, { name: 'cart' }, { name: 'product', id: 'p-1_x' }, { name: 'orders' }, { name: 'order', id: '0b7e3c1a-5f2d' }, { name: 'account' }])('writes %j so it reads back', (route) => {
    expect(parseRoute(toPath(route))).toEqual(route);
  });
});
