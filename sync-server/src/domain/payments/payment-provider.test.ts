import { paymentSchema, sampleDocument, validateDocument, type Order, type Payment } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { cashOnDelivery } from './payment-provider';

const now = '2026-11-24T10:00:00.000Z';
const later = '2026-11-25T09:30:00.000Z';
const order = (overrides: Partial<Order> = {}): Order => sampleDocument('orders', { id: 'order-9', userId: 'user-7', user: 'user-7', total: 538.99, ...overrides }) as Order;
const payment = (overrides: Partial<Payment> = {}): Payment => sampleDocument('payments', overrides) as Payment;

describe('cashOnDelivery.createPayment', () => {
  it('records a pending cash payment of the order total in rupees, for the order\'s owner', () => {
    const created = cashOnDelivery.createPayment(order(), { id: 'pay-order-9', now });
    expect(created).toEqual({
      id: 'pay-order-9',
      _deleted: false,
      createdAt: now,
      updatedAt: now,
      orderId: 'order-9',
      userId: 'user-7',
      amount: 538.99,
      currency: 'INR',
      method: 'cod',
      status: 'pending',
    });
    expect(validateDocument('payments', created)).toMatchObject({ ok: true });
  });

  it('creates a void payment for an order whose payment is void (a rejected order)', () => {
    const created = cashOnDelivery.createPayment(order({ status: 'rejected', paymentStatus: 'void', total: 0 }), { id: 'pay-1', now });
    expect(created.status).toBe('void');
    expect(paymentSchema.safeParse(created).success).toBe(true);
  });
});

describe('cashOnDelivery.voidPayment', () => {
  it.each(['pending', 'failed'] as const)('voids a %s payment and stamps the time', (status) => {
    const voided = cashOnDelivery.voidPayment(payment({ status }), later);
    expect(voided.status).toBe('void');
    expect(voided.updatedAt).toBe(later);
    expect(validateDocument('payments', voided)).toMatchObject({ ok: true });
  });

  it.each(['void', 'paid', 'refunded'] as const)('leaves a %s payment as it is', (status) => {
    const stored = payment({ status });
    expect(cashOnDelivery.voidPayment(stored, later)).toBe(stored);
  });

  it('changes nothing but the status and time', () => {
    const stored = payment({ status: 'pending' });
    const { status: _s, updatedAt: _u, ...rest } = cashOnDelivery.voidPayment(stored, later);
    const { status: _s2, updatedAt: _u2, ...before } = stored;
    expect(rest).toEqual(before);
  });
});
