/**
 * One order's page, as its shopper reads it: the lines with their pictures, the amounts, the
 * address, the payment in words, the status timeline and whether it may still be cancelled.
 * Pure: an order from the local database in, a view out. No React, no RxDB; the server decides
 * whether a cancellation holds (canCancelOrder only says when to offer one).
 */
import { canShopperCancelOrder, type Address, type Order } from '@oa/schema';
import { roundMoney } from '../cart/cart.logic';
import { isWaitingToSync, toOrderView, toStatusLabel, type OrderView } from './orders.logic';

export interface OrderLineView {
  readonly key: string;
  readonly productId: string;
  readonly name: string;
  readonly quantity: number;
  readonly price: number;
  readonly amount: number;
  /** The line's picture; undefined: the page shows its placeholder. */
  readonly imageUrl: string | undefined;
}

export interface OrderAmounts {
  readonly subtotal: number;
  readonly delivery: number;
  readonly total: number;
  /** What the courier collects: set only for cash on delivery not yet paid, on a live order. */
  readonly toPayOnDelivery: number | undefined;
}

export interface TimelineEntry {
  readonly key: string;
  readonly status: string;
  readonly rawStatus: string;
  readonly at: string;
  /** Who made the step, in words ("you", "the shop"); undefined for the server's own steps. */
  readonly by: string | undefined;
  readonly note: string | undefined;
}

export interface OrderPageView extends Omit<OrderView, 'items'> {
  readonly lines: readonly OrderLineView[];
  /** What "Put the items back in my cart" takes (the same shape as My orders' items). */
  readonly items: OrderView['items'];
  readonly amounts: OrderAmounts;
  readonly address: { readonly name: string; readonly phone: string; readonly lines: readonly string[] };
  readonly payment: string;
  /** Oldest first, the current status last. */
  readonly timeline: readonly TimelineEntry[];
  readonly canCancel: boolean;
  /** Cancelled on this device; the server has not answered yet. */
  readonly cancelWaiting: boolean;
}

/**
 * Offered only where the shared rule lets a shopper cancel (still pending: once the shop has
 * confirmed it, cancelling is the shop's call), on an order the server has answered: a placeholder
 * is not on the server yet.
 */
export function canCancelOrder(order: Pick<Order, 'orderId' | 'status'>): boolean {
  return canShopperCancelOrder(order.status) && !isWaitingToSync(order);
}

/** Cancelled here, not yet by the server: the server's history has no cancellation yet. */
export function isCancelWaiting(order: Pick<Order, 'status' | 'statusHistory'>): boolean {
  const last = order.statusHistory.at(-1);
  return order.status === 'cancelled' && last !== undefined && last.status !== 'cancelled';
}

const closed = new Set(['cancelled', 'rejected']);

/** The payment in words, from its method and status; an order that will not be delivered owes nothing. */
export function toPaymentWords(order: Pick<Order, 'paymentMethod' | 'paymentStatus' | 'status'>): string {
  const cod = order.paymentMethod === 'cod';
  switch (order.paymentStatus) {
    case 'pending':
      if (order.status === 'rejected') return 'No payment due (not placed)';
      if (order.status === 'cancelled') return 'No payment due (cancelled)';
      return cod ? 'Cash on delivery: pay when it arrives' : 'Online payment: waiting for it to go through';
    case 'paid':
      return cod ? 'Paid in cash' : 'Paid online';
    case 'failed':
      return cod ? 'Cash payment not collected' : 'Online payment failed';
    case 'refunded':
      return 'Refunded';
    case 'void':
      return order.status === 'rejected' ? 'No payment due (not placed)' : 'No payment due (cancelled)';
    default:
      // A payment status from a newer server: as it is, rather than nothing.
      return String(order.paymentStatus);
  }
}

export function toOrderAmounts(order: Pick<Order, 'subtotal' | 'shippingFee' | 'total' | 'paymentMethod' | 'paymentStatus' | 'status'>): OrderAmounts {
  const owed = order.paymentMethod === 'cod' && order.paymentStatus === 'pending' && !closed.has(order.status);
  return { subtotal: order.subtotal, delivery: order.shippingFee, total: order.total, toPayOnDelivery: owed ? order.total : undefined };
}

const byWords: Record<string, string> = { customer: 'you', admin: 'the shop' };

/**
 * The steps in the server's order (oldest first). The latest step shows the shop's current note,
 * which it may have changed since (a tracking number added to "Shipped"). An order without a
 * history (from the old shop) shows when it was placed and, if it moved on, where it is now.
 */
export function toTimeline(order: Pick<Order, 'status' | 'statusHistory' | 'statusNote' | 'createdAt' | 'updatedAt'>): TimelineEntry[] {
  const history: Order['statusHistory'] =
    order.statusHistory.length > 0
      ? order.statusHistory
      : [{ status: 'pending', at: order.createdAt, by: 'system' }, ...(order.status === 'pending' ? [] : [{ status: order.status, at: order.updatedAt, by: 'system' as const }])];
  const lastIndex = history.length - 1;
  return history.map((entry, index) => {
    const note = index === lastIndex && entry.status === order.status ? (order.statusNote ?? entry.note) : entry.note;
    return {
      key: `${index}-${entry.at}`,
      status: toStatusLabel(entry.status),
      rawStatus: entry.status,
      at: entry.at,
      by: byWords[entry.by],
      note: note || undefined,
    };
  });
}

function toAddressLines(address: Address): string[] {
  return [
    [address.line1, address.line2].filter(Boolean).join(', '),
    ...(address.landmark ? [`Near ${address.landmark}`] : []),
    `${address.city}, ${address.state} ${address.pincode}`,
  ];
}

/**
 * The page's view of one order. `imageOf` gives a product's picture from the device's catalogue,
 * for lines without their own (an order still waiting to sync, or one placed before lines kept it).
 */
export function toOrderPageView(order: Order, imageOf: (productId: string) => string | undefined = () => undefined): OrderPageView {
  const summary = toOrderView(order);
  const cancelWaiting = isCancelWaiting(order);
  const lines = order.items.map((item, index) => {
    const productId = item.productId ?? item.product ?? '';
    return {
      key: `${index}-${productId}`,
      productId,
      name: item.name ?? 'An item',
      quantity: item.quantity,
      price: item.price,
      amount: roundMoney(item.price * item.quantity),
      imageUrl: item.imageUrl ?? (productId ? imageOf(productId) : undefined),
    };
  });
  return {
    ...summary,
    status: cancelWaiting ? 'Cancelling' : summary.status,
    lines,
    amounts: toOrderAmounts(order),
    address: { name: order.shippingAddress.name, phone: order.shippingAddress.phone, lines: toAddressLines(order.shippingAddress) },
    payment: toPaymentWords(order),
    timeline: toTimeline(order),
    canCancel: canCancelOrder(order),
    cancelWaiting,
  };
}

/** The page of the order with this id among the shopper's, or undefined when it is not on this device (or deleted). */
export function findOrderPageView(orders: readonly Order[], id: string, imageOf?: (productId: string) => string | undefined): OrderPageView | undefined {
  const order = orders.find((candidate) => candidate.id === id && !candidate._deleted);
  return order ? toOrderPageView(order, imageOf) : undefined;
}
