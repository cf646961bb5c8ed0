/**
 * The read-only lists of shoppers and payments as pure rules: a search over what an admin looks
 * people up by (name, email, phone; order number, method, status), newest first. Secrets never
 * arrive here: the server strips them before anything is synced. No React, no RxDB.
 */
import { matchesAllWords, toSearchWords } from '@oa/client-sync';
import type { Order, Payment, User } from '@oa/schema';


export type Shopper = Pick<User, 'id' | 'name' | 'email' | 'createdAt' | 'isActive'> & Partial<Pick<User, 'phone' | '_deleted' | 'addresses'>>;

export function selectShoppers(users: readonly Shopper[], search: string): Shopper[] {
  const words = toSearchWords(search);
  return users
    .filter((user) => !user._deleted && matchesAllWords([user.name, user.email, user.phone ?? ''].join(' '), words))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export type PaymentRow = Pick<Payment, 'id' | 'orderId' | 'amount' | 'method' | 'status' | 'createdAt'> & Partial<Pick<Payment, '_deleted' | 'userId' | 'collectedAt' | 'collectedBy' | 'refundedAt' | 'refundedBy'>>;

/** Payments with their order's number, searched by it, the method or the status. */
export function selectPayments(payments: readonly PaymentRow[], orders: ReadonlyMap<string, Pick<Order, 'orderId'>>, search: string): Array<PaymentRow & { orderNumber: string }> {
  const words = toSearchWords(search);
  return payments
    .filter((payment) => !payment._deleted)
    .map((payment) => ({ ...payment, orderNumber: orders.get(payment.orderId)?.orderId ?? payment.orderId }))
    .filter((payment) => matchesAllWords([payment.orderNumber, payment.method === 'cod' ? 'cash on delivery cod' : 'online', payment.status].join(' '), words))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
