/**
 * The read-only lists of shoppers and payments as pure rules: a search over what an admin looks
 * people up by (name, email, phone; order number, method, status), newest first. Secrets never
 * arrive here: the server strips them before anything is synced. No React, no RxDB.
 */
import type { Order, Payment, User } from '@oa/schema';

const fold = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const wordsOf = (search: string): string[] => fold(search).split(/\s+/).filter(Boolean);
const matchesAll = (text: string, words: readonly string[]): boolean => {
  const folded = fold(text);
  return words.every((word) => folded.includes(word));
};

export type Shopper = Pick<User, 'id' | 'name' | 'email' | 'createdAt' | 'isActive'> & Partial<Pick<User, 'phone' | '_deleted' | 'addresses'>>;

export function selectShoppers(users: readonly Shopper[], search: string): Shopper[] {
  const words = wordsOf(search);
  return users
    .filter((user) => !user._deleted && matchesAll([user.name, user.email, user.phone ?? ''].join(' '), words))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export type PaymentRow = Pick<Payment, 'id' | 'orderId' | 'amount' | 'method' | 'status' | 'createdAt'> & Partial<Pick<Payment, '_deleted' | 'userId'>>;

/** Payments with their order's number, searched by it, the method or the status. */
export function selectPayments(payments: readonly PaymentRow[], orders: ReadonlyMap<string, Pick<Order, 'orderId'>>, search: string): Array<PaymentRow & { orderNumber: string }> {
  const words = wordsOf(search);
  return payments
    .filter((payment) => !payment._deleted)
    .map((payment) => ({ ...payment, orderNumber: orders.get(payment.orderId)?.orderId ?? payment.orderId }))
    .filter((payment) => matchesAll([payment.orderNumber, payment.method === 'cod' ? 'cash on delivery cod' : 'online', payment.status].join(' '), words))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
