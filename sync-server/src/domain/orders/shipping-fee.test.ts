import { describe, expect, it } from 'vitest';
import { flatShippingFeeRupees, freeShippingFromRupees, shippingFeePaise } from './shipping-fee';

describe('shippingFeePaise', () => {
  const threshold = freeShippingFromRupees * 100;
  const fee = flatShippingFeeRupees * 100;

  it.each([
    ['nothing', 0, fee],
    ['one paisa below the threshold', threshold - 1, fee],
    ['exactly the threshold', threshold, 0],
    ['above the threshold', threshold + 50_000, 0],
  ])('charges for %s', (_label, subtotal, expected) => {
    expect(shippingFeePaise(subtotal)).toBe(expected);
  });

  it('uses the shop\'s published numbers: free from ₹499, otherwise ₹40', () => {
    expect(freeShippingFromRupees).toBe(499);
    expect(flatShippingFeeRupees).toBe(40);
  });
});
