/** An admin recording cash collected or a refund: the stored order and payment, or why not. */
import { sampleDocument, type Order, type Payment } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { recordPayment } from './record-payment';

const at = '2026-12-02T10:00:00.000Z';
const order = (fields: Partial<Order>): Order => ({ ...(sampleDocument('orders') as unknown as Order), id: 'o-1', orderId: 'OA-1', paymentMethod: 'cod', ...fields });
const payment = (fields: Partial<Payment> = {}): Payment => ({ ...(sampleDocument('payments') as unknown as Payment), id: 'o-1', orderId: 'o-1', method: 'cod', status: 'pending', ...fields });

describe('recordPayment', () => {
  it.each(['shipped', 'delivered'] as const)('records the cash of a %s order as collected, with who and when', (status) => {
    const result = recordPayment(order({ status, paymentStatus: 'pending' }), payment(), { to: 'paid', by: 'admin-1', at });
    expect(result).toMatchObject({
      ok: true,
      order: { status, paymentStatus: 'paid' },
      payment: { status: 'paid', collectedAt: at, collectedBy: 'admin-1', updatedAt: at },
    });
  });

  it.each([
    ['pending', 'pending', /once it has shipped/],
    ['packed', 'pending', /once it has shipped/],
    ['cancelled', 'void', /payment is void/],
    ['delivered', 'paid', /payment is paid/],
  ] as const)('refuses to collect cash for a %s order whose payment is %s', (status, paymentStatus, reason) => {
    const result = recordPayment(order({ status, paymentStatus }), payment({ status: paymentStatus }), { to: 'paid', by: 'admin-1', at });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_PAYMENT_CHANGE' });
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('records the refund of a cancelled paid order', () => {
    const result = recordPayment(order({ status: 'cancelled', paymentStatus: 'paid' }), payment({ status: 'paid' }), { to: 'refunded', by: 'admin-2', at });
    expect(result).toMatchObject({ ok: true, order: { paymentStatus: 'refunded' }, payment: { status: 'refunded', refundedAt: at, refundedBy: 'admin-2' } });
  });

  it('refuses a refund of an order that was not cancelled', () => {
    expect(recordPayment(order({ status: 'delivered', paymentStatus: 'paid' }), payment({ status: 'paid' }), { to: 'refunded', by: 'a', at })).toMatchObject({ ok: false });
  });

  it.each(['void', 'failed', 'pending'] as const)('refuses to record a payment as %s: the server sets those itself', (to) => {
    expect(recordPayment(order({ status: 'delivered', paymentStatus: 'pending' }), payment(), { to, by: 'a', at })).toMatchObject({ ok: false, code: 'INVALID_PAYMENT_CHANGE' });
  });

  it("refuses when the payment on record is missing or another order's", () => {
    const delivered = order({ status: 'delivered', paymentStatus: 'pending' });
    expect(recordPayment(delivered, null, { to: 'paid', by: 'a', at })).toMatchObject({ ok: false });
    expect(recordPayment(delivered, payment({ orderId: 'o-2' }), { to: 'paid', by: 'a', at })).toMatchObject({ ok: false });
  });
});
