/**
 * The shop's navigation as pure data: which destinations a shopper has (a visitor has no wishlist
 * or orders), the counts their names carry ("Cart (2)": the names screen readers and the tests
 * use), and which one the current screen belongs to. The header (ShopHeader.tsx) only renders it.
 */
import type { Route } from './route.logic';

export type ShopNavName = 'shop' | 'cart' | 'wishlist' | 'orders' | 'account';

export interface ShopNavItem {
  readonly name: ShopNavName;
  readonly to: Route;
  readonly label: string;
  /** Shown after the label in brackets, as part of the link's name. */
  readonly count?: number;
  /** The screen shown is this destination or one under it. */
  readonly current: boolean;
}

export interface ShopNavState {
  readonly route: Route;
  readonly signedIn: boolean;
  /** The shopper's own data is shown (their wishlist and orders exist on this device). */
  readonly personal: boolean;
  readonly cartCount: number;
  readonly wishlistCount: number;
}

/** The destination a screen sits under: a product in the shop, checkout in the cart, an order in My orders. */
const sectionOf: Record<Route['name'], ShopNavName | undefined> = {
  shop: 'shop',
  product: 'shop',
  cart: 'cart',
  checkout: 'cart',
  wishlist: 'wishlist',
  orders: 'orders',
  order: 'orders',
  account: 'account',
  'not-found': undefined,
};

export function toShopNavItems({ route, signedIn, personal, cartCount, wishlistCount }: ShopNavState): readonly ShopNavItem[] {
  const section = sectionOf[route.name];
  const item = (name: ShopNavName, label: string, count?: number): ShopNavItem => ({
    name,
    to: { name },
    label,
    ...(count === undefined ? {} : { count }),
    current: section === name,
  });
  return [
    item('shop', 'Shop'),
    item('cart', 'Cart', cartCount),
    ...(personal ? [item('wishlist', 'Wishlist', wishlistCount), item('orders', 'My orders')] : []),
    item('account', signedIn ? 'Account' : 'Sign in'),
  ];
}
