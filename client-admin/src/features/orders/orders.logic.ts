/**
 * The admins' orders as pure rules: which orders a filter (status, dates in India's time, a search
 * by order number or customer) shows and in what order, the next statuses the server's state
 * machine allows (the big buttons), and what an order reads like. Which orders are new lives in
 * seen-orders.logic.ts. No React, no RxDB.
 */
import { formatIndiaDateTime, matchesAllWords, toIndiaDay, toSearchWords } from '@oa/client-sync';
import { nextOrderStatuses, nextPaymentStatuses, type Order, type OrderStatus, type Payment, type User } from '@oa/schema';

export interface OrderFilter {
  readonly status?: OrderStatus | undefined;
  /** Inclusive calendar days in India, 'YYYY-MM-DD'. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly search?: string | undefined;
}

export type Customer = Pick<User, 'id' | 'name' | 'email'> & { readonly phone?: string | undefined };

const statusLabels: Record<OrderStatus, string> = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  packed: 'Packed',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  rejected: 'Rejected',
};

export const toStatusLabel = (status: string): string => statusLabels[status as OrderStatus] ?? status;

/** The button that moves an order to `to`: "Confirm", "Mark packed", … ; cancelling is the dangerous one. */
const actionLabels: Partial<Record<OrderStatus, string>> = {
  confirmed: 'Confirm',
  packed: 'Mark packed',
  shipped: 'Mark shipped',
  delivered: 'Mark delivered',
  cancelled: 'Cancel order',
};

export interface StatusAction {
  readonly to: OrderStatus;
  readonly label: string;
  readonly danger: boolean;
}

export function toStatusActions(status: OrderStatus): StatusAction[] {
  return nextOrderStatuses(status).map((to) => ({ to, label: actionLabels[to] ?? toStatusLabel(to), danger: to === 'cancelled' }));
}

function matches(order: Order, customer: Customer | undefined, search: string): boolean {
  const text = [order.orderId, customer?.name ?? '', customer?.email ?? '', order.shippingAddress.name, order.shippingAddress.phone, customer?.phone ?? ''].join(' ');
  return matchesAllWords(text, toSearchWords(search));
}

/** The orders a filter shows, newest first. */
export function selectOrders(orders: readonly Order[], filter: OrderFilter, customers: ReadonlyMap<string, Customer>): Order[] {
  return orders
    .filter((order) => !order._deleted)
    .filter((order) => filter.status === undefined || order.status === filter.status)
    .filter((order) => {
      const day = toIndiaDay(order.createdAt);
      return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to);
    })
    .filter((order) => !filter.search?.trim() || matches(order, customers.get(order.userId), filter.search))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export const toItemCount = (order: Pick<Order, 'items'>): number => order.items.reduce((sum, item) => sum + item.quantity, 0);

/** "1 item", "3 items": the pieces ordered, counting each line's quantity. */
export function toItemCountLabel(order: Pick<Order, 'items'>): string {
  const count = toItemCount(order);
  return count === 1 ? '1 item' : `${count} items`;
}

export type PaymentSummaryRecord = Pick<Payment, 'id' | 'orderId' | 'status' | 'method'> & Partial<Pick<Payment, 'collectedAt' | 'collectedBy' | 'refundedAt' | 'refundedBy'>>;

/**
 * What was recorded of a payment: "cash collected <when> by <admin>", "refunded <when> by <admin>",
 * or undefined. `adminNames`: id to name, from the synced admins; an admin not synced yet is left unnamed.
 */
export function toPaymentRecorded(payment: Omit<PaymentSummaryRecord, 'id' | 'orderId' | 'method'>, adminNames: ReadonlyMap<string, string> = new Map()): string | undefined {
  const by = (adminId: string | undefined): string => (adminId && adminNames.has(adminId) ? ` by ${adminNames.get(adminId)}` : '');
  if (payment.status === 'paid' && payment.collectedAt) return `cash collected ${formatIndiaDateTime(payment.collectedAt)}${by(payment.collectedBy)}`;
  if (payment.status === 'refunded' && payment.refundedAt) return `refunded ${formatIndiaDateTime(payment.refundedAt)}${by(payment.refundedBy)}`;
  return undefined;
}

/**
 * The order's payment: its own record when synced (every payment names its `orderId`), else the
 * order's summary; with when the cash was collected or the money refunded, once recorded, and by whom.
 */
export function toPaymentSummary(
  order: Pick<Order, 'id' | 'paymentMethod' | 'paymentStatus'>,
  payments: readonly PaymentSummaryRecord[],
  adminNames: ReadonlyMap<string, string> = new Map(),
): string {
  const payment = payments.find((entry) => entry.orderId === order.id);
  const method = (payment?.method ?? order.paymentMethod) === 'cod' ? 'Cash on delivery' : 'Online';
  return `${method} · ${(payment && toPaymentRecorded(payment, adminNames)) ?? payment?.status ?? order.paymentStatus}`;
}

export interface PaymentAction {
  readonly to: Order['paymentStatus'];
  readonly label: string;
  /** What the admin confirms before it is recorded: money changes hands, so it is asked once more. */
  readonly confirm: string;
}

/** What an admin may record about this order's payment now (the shared table the server enforces), as buttons. */
export function toPaymentActions(order: Pick<Order, 'orderId' | 'status' | 'paymentMethod' | 'paymentStatus' | 'total'>, formatMoney: (rupees: number) => string): PaymentAction[] {
  return nextPaymentStatuses(order).map((to) =>
    to === 'paid'
      ? { to, label: 'Cash collected', confirm: `Record ${formatMoney(order.total)} in cash collected for ${order.orderId}?` }
      : { to, label: 'Record refund', confirm: `Record ${formatMoney(order.total)} as refunded to the customer for ${order.orderId}?` },
  );
}
