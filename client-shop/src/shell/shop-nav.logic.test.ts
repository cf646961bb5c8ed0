import { describe, expect, it } from 'vitest';
import type { Route } from './route.logic';
import { toShopNavItems, type ShopNavName, type ShopNavState } from './shop-nav.logic';

const shopper: Omit<ShopNavState, 'route'> = { signedIn: true, personal: true, cartCount: 2, wishlistCount: 1 };
const visitor: Omit<ShopNavState, 'route'> = { signedIn: false, personal: false, cartCount: 0, wishlistCount: 0 };

const currentOf = (state: ShopNavState): ShopNavName[] => toShopNavItems(state).filter((item) => item.current).map((item) => item.name);

describe('the shop’s navigation', () => {
  it('gives a signed-in shopper every destination, with the cart’s and the wishlist’s counts', () => {
    expect(toShopNavItems({ ...shopper, route: { name: 'shop' } }).map(({ name, label, count }) => ({ name, label, count }))).toEqual([
      { name: 'shop', label: 'Shop', count: undefined },
      { name: 'cart', label: 'Cart', count: 2 },
      { name: 'wishlist', label: 'Wishlist', count: 1 },
      { name: 'orders', label: 'My orders', count: undefined },
      { name: 'account', label: 'Account', count: undefined },
    ]);
  });

  it('gives a visitor the shop, the cart and a way to sign in, and no wishlist or orders', () => {
    expect(toShopNavItems({ ...visitor, route: { name: 'shop' } }).map((item) => item.label)).toEqual(['Shop', 'Cart', 'Sign in']);
  });

  it('hides the wishlist and orders of a shopper signed out elsewhere, still offering the account', () => {
    expect(toShopNavItems({ ...shopper, personal: false, route: { name: 'shop' } }).map((item) => item.label)).toEqual(['Shop', 'Cart', 'Account']);
  });

  it('links each destination to its own screen', () => {
    expect(toShopNavItems({ ...shopper, route: { name: 'shop' } }).map((item) => item.to)).toEqual([
      { name: 'shop' },
      { name: 'cart' },
      { name: 'wishlist' },
      { name: 'orders' },
      { name: 'account' },
    ]);
  });

  it.each<[Route, ShopNavName[]]>([
    [{ name: 'shop' }, ['shop']],
    [{ name: 'product', id: 'p1' }, ['shop']],
    [{ name: 'cart' }, ['cart']],
    [{ name: 'checkout' }, ['cart']],
    [{ name: 'wishlist' }, ['wishlist']],
    [{ name: 'orders' }, ['orders']],
    [{ name: 'order', id: 'o1' }, ['orders']],
    [{ name: 'account' }, ['account']],
    [{ name: 'not-found' }, []],
  ])('marks the destination %j belongs under as current, and only that one', (route, current) => {
    expect(currentOf({ ...shopper, route })).toEqual(current);
  });
});
