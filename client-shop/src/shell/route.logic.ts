/**
 * The shop's addresses, as pure data: each screen has a path (so the back button, a shared link
 * and a reload all land where expected; the static server and the service worker answer every
 * path with the app). No React, no history API.
 */
import { idSchema } from '@oa/schema';

export type Route =
  | { readonly name: 'shop' }
  | { readonly name: 'product'; readonly id: string }
  | { readonly name: 'cart' }
  | { readonly name: 'wishlist' }
  | { readonly name: 'checkout' }
  | { readonly name: 'orders' }
  | { readonly name: 'order'; readonly id: string }
  | { readonly name: 'account' }
  | { readonly name: 'not-found' };

const simple = new Set(['cart', 'wishlist', 'checkout', 'orders', 'account']);

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return '';
    }
  });
  if (parts.length === 0) return { name: 'shop' };
  const [first, second] = parts;
  if (parts.length === 1 && first && simple.has(first)) return { name: first } as Route;
  if (parts.length === 2 && first === 'products' && second && idSchema.safeParse(second).success) return { name: 'product', id: second };
  if (parts.length === 2 && first === 'orders' && second && idSchema.safeParse(second).success) return { name: 'order', id: second };
  return { name: 'not-found' };
}

export function toPath(route: Route): string {
  switch (route.name) {
    case 'shop':
    case 'not-found':
      return '/';
    case 'product':
      return `/products/${encodeURIComponent(route.id)}`;
    case 'order':
      return `/orders/${encodeURIComponent(route.id)}`;
    default:
      return `/${route.name}`;
  }
}
