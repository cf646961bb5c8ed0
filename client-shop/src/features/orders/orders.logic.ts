/**
 * "My orders": how each order of the local database reads to its shopper. An order the server
 * has not answered yet still carries the placeholder number ('pending-…') and shows as waiting
 * to sync; then the server's number and status, or why it was rejected. No React, no RxDB.
 */
import type { Order } from '@oa/schema';
import { pendingOrderPrefix } from '../checkout/checkout.logic';

export interface OrderView {
  readonly id: string;
  readonly number: string | undefined;
  readonly waitingToSync: boolean;
  readonly status: string;
  readonly rejectionReason: string | undefined;
  readonly total: number;
  readonly itemCount: number;
  readonly placedAt: string;
}

export function isWaitingToSync(order: Pick<Order, 'orderId'>): boolean {
  return order.orderId.startsWith(pendingOrderPrefix);
}

export function toOrderView(order: Order): OrderView {
  const waitingToSync = isWaitingToSync(order);
  return {
    id: order.id,
    number: waitingToSync ? undefined : order.orderId,
    waitingToSync,
    status: waitingToSync ? 'Waiting to sync' : order.status,
    rejectionReason: order.status === 'rejected' ? order.rejectionReason : undefined,
    total: order.total,
    itemCount: order.items.reduce((sum, item) => sum + item.quantity, 0),
    placedAt: order.createdAt,
  };
}

/** Newest first; the server's timestamps replace the device's once synced. */
export function toOrderViews(orders: readonly Order[]): OrderView[] {
  return orders
    .filter((order) => !order._deleted)
    .map(toOrderView)
    .sort((a, b) => b.placedAt.localeCompare(a.placedAt));
}
