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
  /** How the status reads ("Waiting to sync", "Confirmed"). */
  readonly status: string;
  /** The server's status code ("pending" until the server has answered). */
  readonly rawStatus: string;
  readonly rejectionReason: string | undefined;
  readonly total: number;
  readonly itemCount: number;
  readonly placedAt: string;
  readonly items: ReadonlyArray<{ readonly productId: string; readonly name: string; readonly quantity: number }>;
  /** The shop's note with the latest status ("Packed, ships tomorrow"). */
  readonly note: string | undefined;
}

const statusLabels: Record<string, string> = {
  pending: 'Placed',
  confirmed: 'Confirmed',
  packed: 'Packed',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  rejected: 'Not placed',
};

/** How a status reads to a shopper; an unknown one (a newer server) as it is. */
export function toStatusLabel(status: string): string {
  return statusLabels[status] ?? status;
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
    status: waitingToSync ? 'Waiting to sync' : toStatusLabel(order.status),
    rawStatus: order.status,
    rejectionReason: order.status === 'rejected' ? order.rejectionReason : undefined,
    total: order.total,
    itemCount: order.items.reduce((sum, item) => sum + item.quantity, 0),
    placedAt: order.createdAt,
    items: order.items.map((item) => ({ productId: item.productId ?? item.product ?? '', name: item.name ?? 'An item', quantity: item.quantity })),
    note: order.statusNote || undefined,
  };
}

/** Newest first; the server's timestamps replace the device's once synced. */
export function toOrderViews(orders: readonly Order[]): OrderView[] {
  return orders
    .filter((order) => !order._deleted)
    .map(toOrderView)
    .sort((a, b) => b.placedAt.localeCompare(a.placedAt));
}
