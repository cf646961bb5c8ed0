/**
 * Pure: an admin recording what happened to an order's money — the courier's cash collected (a
 * cash-on-delivery order once shipped or delivered) or money given back for a cancelled order.
 * Returns the order and its payment as they should be stored, with who and when on the payment;
 * whether the move is allowed is the shared table (payment-transitions in @oa/schema).
 */
import { canRecordPayment, type Order, type Payment } from '@oa/schema';

export interface PaymentRecord {
  readonly to: Order['paymentStatus'];
  /** The admin's id, from the verified token. */
  readonly by: string;
  /** ISO instant, from the caller's clock. */
  readonly at: string;
}

export type RecordPaymentResult =
  | { readonly ok: true; readonly order: Order; readonly payment: Payment }
  | { readonly ok: false; readonly code: 'INVALID_PAYMENT_CHANGE'; readonly reason: string };

export function recordPayment(order: Order, payment: Payment | null, record: PaymentRecord): RecordPaymentResult {
  if (!canRecordPayment(order, record.to)) return { ok: false, code: 'INVALID_PAYMENT_CHANGE', reason: describeRefusal(order, record.to) };
  // Every placed order has its payment; one missing (a hand-edited database) is said, not invented.
  if (!payment || payment._deleted || payment.orderId !== order.id) {
    return { ok: false, code: 'INVALID_PAYMENT_CHANGE', reason: `Order ${order.orderId} has no payment on record to update.` };
  }
  const stamp = record.to === 'paid' ? { collectedAt: record.at, collectedBy: record.by } : { refundedAt: record.at, refundedBy: record.by };
  return { ok: true, order: { ...order, paymentStatus: record.to }, payment: { ...payment, ...stamp, status: record.to, updatedAt: record.at } };
}

function describeRefusal(order: Order, to: unknown): string {
  const { orderId, status, paymentMethod, paymentStatus } = order;
  if (to === 'paid') {
    if (paymentMethod !== 'cod') return `Order ${orderId} is not cash on delivery; there is no cash to collect.`;
    if (paymentStatus !== 'pending') return `Order ${orderId}'s payment is ${paymentStatus}; there is no cash to collect.`;
    return `Order ${orderId} is ${status}; cash can be recorded as collected once it has shipped.`;
  }
  if (to === 'refunded') return `Only a paid order that was cancelled can be refunded; order ${orderId} is ${status} and its payment ${paymentStatus}.`;
  // Only a string is quoted back: any other value names nothing and is never converted.
  return `${typeof to === 'string' ? `"${to.slice(0, 40)}"` : 'That value'} cannot be recorded for a payment; an admin may record it as paid (cash collected) or refunded.`;
}
