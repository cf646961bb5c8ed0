import { describe, expect, it } from 'vitest';
import { findPaymentProvider } from './find-payment-provider';
import { cashOnDelivery } from './payment-provider';

describe('findPaymentProvider', () => {
  it('finds cash on delivery', () => {
    expect(findPaymentProvider('cod')).toBe(cashOnDelivery);
    expect(cashOnDelivery.method).toBe('cod');
  });

  it.each(['online', 'bitcoin', 'toString', '__proto__', undefined, 1])('has no provider for %s yet', (method) => {
    expect(findPaymentProvider(method)).toBeUndefined();
  });
});
