/**
 * How an order gets paid, behind one small interface, so online payment can be added later as a
 * second provider without touching the order rules. Only cash on delivery exists now: the payment
 * is recorded as pending when the order is placed and collected by the courier. Pure: ids and
 * times come from the caller, and nothing here talks to a payment gateway.
 */
import type { Order, Payment } from '@oa/schema';

export type PayableOrder = Pick<Order, 'id' | 'userId' | 'total' | 'paymentStatus'>;

export interface PaymentProvider {
  readonly method: Payment['method'];
  /** The payments document for a newly placed order (a rejected order's is born void). */
  createPayment(order: PayableOrder, context: { readonly id: string; readonly now: string }): Payment;
  /**
   * The payment of a cancelled order. Only money not yet taken can be voided: a paid or refunded
   * payment comes back unchanged (returning money is a refund, done by a person, not here).
   */
  voidPayment(payment: Payment, now: string): Payment;
}

export const cashOnDelivery: PaymentProvider = {
  method: 'cod',
  createPayment(order, { id, now }) {
    return {
      id,
      _deleted: false,
      createdAt: now,
      updatedAt: now,
      orderId: order.id,
      userId: order.userId,
      amount: order.total,
      currency: 'INR',
      method: 'cod',
      status: order.paymentStatus === 'void' ? 'void' : 'pending',
    };
  },
  voidPayment(payment, now) {
    if (payment.status !== 'pending' && payment.status !== 'failed') return payment;
    return { ...payment, status: 'void', updatedAt: now };
  },
};
