/**
 * The admin app's addresses, as pure data: every screen has a path, so the back button, a shared
 * link and a reload all land where expected (the static server and the service worker answer
 * every path with the app). No React, no history API.
 */
import { idSchema, isOrderStatus, type OrderStatus } from '@oa/schema';

export type Route =
  | { readonly name: 'dashboard' }
  | { readonly name: 'orders'; readonly status?: OrderStatus | undefined }
  | { readonly name: 'order'; readonly id: string }
  | { readonly name: 'products' }
  | { readonly name: 'product'; readonly id: string | 'new' }
  | { readonly name: 'categories' }
  | { readonly name: 'reviews' }
  | { readonly name: 'users' }
  | { readonly name: 'payments' }
  | { readonly name: 'admins' }
  | { readonly name: 'more' }
  | { readonly name: 'not-found' };

const simple = new Set(['products', 'categories', 'reviews', 'users', 'payments', 'admins', 'more']);

const decode = (part: string): string => {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
};

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decode);
  const [first, second] = parts;
  if (parts.length === 0) return { name: 'dashboard' };
  if (parts.length === 1 && first === 'orders') return { name: 'orders' };
  if (parts.length === 1 && first && simple.has(first)) return { name: first } as Route;
  if (parts.length === 2 && second) {
    const isId = idSchema.safeParse(second).success;
    if (first === 'orders' && isId) return { name: 'order', id: second };
    if (first === 'status' && isOrderStatus(second)) return { name: 'orders', status: second };
    if (first === 'products' && isId) return { name: 'product', id: second };
  }
  return { name: 'not-found' };
}

export function toPath(route: Route): string {
  switch (route.name) {
    case 'dashboard':
    case 'not-found':
      return '/';
    case 'orders':
      return route.status ? `/status/${route.status}` : '/orders';
    case 'order':
      return `/orders/${encodeURIComponent(route.id)}`;
    case 'product':
      return `/products/${encodeURIComponent(route.id)}`;
    default:
      return `/${route.name}`;
  }
}
