/**
 * What an admin may record about an order's payment, as pure predicates shared by the server
 * (which enforces them: sync-server/src/domain/payments/record-payment.ts) and the admin app
 * (which offers only these). Cash on delivery is collected by the courier, so it can be recorded
 * only once the parcel has left (shipped or delivered); money taken for an order that was then
 * cancelled can be recorded as given back. Everything else about payments is the server's.
 */
import type { Order } from './orders';

type PaymentStatus = Order['paymentStatus'];

export type PaymentFacts = Pick<Order, 'status' | 'paymentMethod' | 'paymentStatus'>;

/** Order statuses in which the courier may have been handed the cash. */
const cashCollectableStatuses: ReadonlySet<Order['status']> = new Set(['shipped', 'delivered']);

/** The payment statuses an admin may record next for this order, in the order an app should offer them. */
export function nextPaymentStatuses(order: PaymentFacts): PaymentStatus[] {
  if (order.paymentMethod === 'cod' && order.paymentStatus === 'pending' && cashCollectableStatuses.has(order.status)) return ['paid'];
  if (order.paymentStatus === 'paid' && order.status === 'cancelled') return ['refunded'];
  return [];
}

export function canRecordPayment(order: PaymentFacts, to: PaymentStatus): boolean {
  return nextPaymentStatuses(order).includes(to);
}
