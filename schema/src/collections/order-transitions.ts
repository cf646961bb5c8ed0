/**
 * The order status state machine as data and pure predicates, shared by the server (which
 * enforces it on every push: sync-server/src/domain/orders/order-status.ts) and the apps (which
 * offer only the moves it allows). Applying a move, with its effects, stays on the server.
 */
import { orderStatuses, type OrderStatus } from './orders';

/**
 * Where each status may go next. Orders move one step at a time (pending → confirmed → packed →
 * shipped → delivered) so every step is recorded; they can be cancelled until they ship.
 * `rejected` is only ever set when an order is built, never reached by a transition.
 * Statuses with nowhere to go are terminal.
 */
export const orderTransitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['packed', 'cancelled'],
  packed: ['shipped', 'cancelled'],
  // Once the parcel is with the courier the shop cannot take it back: no cancelling after this.
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
  rejected: [],
};

/** Statuses often come straight from a pushed or stored document, so they are checked, not trusted. */
export function isOrderStatus(value: unknown): value is OrderStatus {
  return (orderStatuses as readonly unknown[]).includes(value);
}

export function canTransitionOrder(from: OrderStatus, to: OrderStatus): boolean {
  return isOrderStatus(from) && isOrderStatus(to) && orderTransitions[from].includes(to);
}

export function isTerminalOrderStatus(status: OrderStatus): boolean {
  return isOrderStatus(status) && orderTransitions[status].length === 0;
}

/** The statuses an order in `status` may move to next, in the order an app should offer them; none for an unknown status. */
export function nextOrderStatuses(status: OrderStatus): OrderStatus[] {
  return isOrderStatus(status) ? [...orderTransitions[status]] : [];
}

/**
 * The one move a shopper may make on their own order: cancelling it while it is still `pending`,
 * before the shop has confirmed (and started packing) it. Every later change is the shop's.
 */
export function canShopperCancelOrder(status: OrderStatus): boolean {
  return status === 'pending';
}

/** Whether a shopper may move their own order from `from` to `to` (only a pending order, only to cancelled). */
export function canShopperTransitionOrder(from: OrderStatus, to: OrderStatus): boolean {
  return to === 'cancelled' && canShopperCancelOrder(from);
}
