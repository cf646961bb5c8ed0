/** What an admin may record about a payment, for every order status, method and payment status. */
import { describe, expect, it } from 'vitest';
import { canRecordPayment, nextPaymentStatuses } from './payment-transitions';
import { orderStatuses, paymentStatusSchema } from './orders';

describe('nextPaymentStatuses', () => {
  it.each([
    // status, method, payment → what may be recorded
    ['pending', 'cod', 'pending', []],
    ['confirmed', 'cod', 'pending', []],
    ['packed', 'cod', 'pending', []],
    ['shipped', 'cod', 'pending', ['paid']],
    ['delivered', 'cod', 'pending', ['paid']],
    ['delivered', 'cod', 'paid', []],
    ['delivered', 'online', 'pending', []],
    ['cancelled', 'cod', 'void', []],
    ['cancelled', 'cod', 'paid', ['refunded']],
    ['cancelled', 'online', 'paid', ['refunded']],
    ['cancelled', 'cod', 'refunded', []],
    ['rejected', 'cod', 'void', []],
    ['delivered', 'cod', 'void', []],
  ] as const)('a %s %s order with its payment %s may record %j', (status, paymentMethod, paymentStatus, expected) => {
    expect(nextPaymentStatuses({ status, paymentMethod, paymentStatus })).toEqual(expected);
  });

  it('agrees with canRecordPayment for every combination', () => {
    for (const status of orderStatuses) {
      for (const paymentMethod of ['cod', 'online'] as const) {
        for (const paymentStatus of paymentStatusSchema.options) {
          const next = nextPaymentStatuses({ status, paymentMethod, paymentStatus });
          for (const to of paymentStatusSchema.options) expect(canRecordPayment({ status, paymentMethod, paymentStatus }, to)).toBe(next.includes(to));
        }
      }
    }
  });
});
