/**
 * Which orders the admin has seen, as pure rules: "mark seen" on the list sees everything placed
 * so far (a time), and opening an order's page sees that one order (an id), so the "N new" count
 * drops as the owner works through the orders one by one. Only an order still waiting for the
 * shop (pending) can be new: once any admin confirms or cancels it, or the shopper cancels it, it
 * is not new on any device, a freshly signed-in one included. Also how this is stored (one string
 * per admin). No React, no storage.
 */
import type { Order } from '@oa/schema';

export interface SeenOrders {
  /** Every order placed up to this time is seen; undefined before the first "mark seen". */
  readonly until?: string | undefined;
  /** Orders placed after `until` that the admin opened one by one. */
  readonly ids: readonly string[];
}

export const noneSeen: SeenOrders = { ids: [] };

type Listed = Pick<Order, 'id' | 'createdAt' | '_deleted' | 'status'>;

/** Placed and not yet acted on: the orders an owner needs to hear about. Orders never move back to pending. */
const isWaitingForShop = (order: Listed): boolean => !order._deleted && order.status === 'pending';

export const isNewOrder = (order: Listed, seen: SeenOrders): boolean =>
  isWaitingForShop(order) && (seen.until === undefined || order.createdAt > seen.until) && !seen.ids.includes(order.id);

/** Pending orders placed after the admin last marked the list seen and not opened since (all of them on a first look). */
export const countNewOrders = (orders: readonly Listed[], seen: SeenOrders): number => orders.filter((order) => isNewOrder(order, seen)).length;

/** "Mark seen" on the list: everything placed up to the newest order is seen. */
export function markAllSeen(orders: readonly Pick<Order, 'createdAt'>[], seen: SeenOrders): SeenOrders {
  const until = orders.reduce<string | undefined>((latest, order) => (latest === undefined || order.createdAt > latest ? order.createdAt : latest), seen.until);
  return { until, ids: [] };
}

/**
 * Opening (or moving) one order sees it. Returns `seen` itself when the order was not new, so the
 * caller writes nothing. Ids are folded into `until` once every order up to a time is seen, so
 * the stored list stays as short as the orders opened out of turn.
 */
export function markOrderSeen(orders: readonly Listed[], seen: SeenOrders, id: string): SeenOrders {
  const order = orders.find((candidate) => candidate.id === id);
  if (!order || !isNewOrder(order, seen)) return seen;
  return compact(orders, { until: seen.until, ids: [...seen.ids, id] });
}

function compact(orders: readonly Listed[], seen: SeenOrders): SeenOrders {
  const seenIds = new Set(seen.ids);
  const newer = orders
    // An order the shop has acted on can never be new again, so it never holds `until` back.
    .filter((order) => isWaitingForShop(order) && (seen.until === undefined || order.createdAt > seen.until))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const firstUnseen = newer.find((order) => !seenIds.has(order.id));
  // `until` moves only past times whose every order is seen: an unseen order placed in the same
  // millisecond as a seen one stays new.
  let until = seen.until;
  for (const order of newer) {
    if (firstUnseen && order.createdAt >= firstUnseen.createdAt) break;
    until = order.createdAt;
  }
  return { until, ids: newer.filter((order) => seenIds.has(order.id) && (until === undefined || order.createdAt > until)).map((order) => order.id) };
}

/** What is stored: JSON, or (before orders could be seen one by one) the bare `until` time. Anything else reads as nothing seen. */
export function parseSeenOrders(stored: string | null): SeenOrders {
  if (!stored) return noneSeen;
  if (!stored.startsWith('{')) return { until: stored, ids: [] };
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== 'object' || value === null) return noneSeen;
    const { until, ids } = value as { until?: unknown; ids?: unknown };
    return {
      until: typeof until === 'string' ? until : undefined,
      ids: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [],
    };
  } catch {
    return noneSeen;
  }
}

export const toStoredSeenOrders = (seen: SeenOrders): string => JSON.stringify({ until: seen.until, ids: seen.ids });
