/** The delivery rule the server prices with and the shop shows, at its edges, in whole paise. */
import { describe, expect, it } from 'vitest';
import { amountToFreeDelivery, defaultDeliveryRule, deliveryFeeFor, deliveryRuleSchema, maxDeliveryFee, maxFreeDeliveryFrom } from './delivery-rule';

const rule = { fee: 40, freeFrom: 499 };

describe('deliveryFeeFor', () => {
  it.each([
    ['nothing', 0, 40],
    ['one paisa below the threshold', 498.99, 40],
    ['exactly the threshold', 499, 0],
    ['above the threshold', 1200, 0],
    ['a float sum one paisa below (498.89 + 0.1)', 498.89 + 0.1, 40],
    ['a float sum landing on the threshold (498.9 + 0.1)', 498.9 + 0.1, 0],
  ])('charges ₹40 / free from ₹499 for %s', (_label, subtotal, fee) => {
    expect(deliveryFeeFor(subtotal, rule)).toBe(fee);
  });

  it.each([
    ['a fee with paise', { fee: 39.5, freeFrom: 100 }, 99.99, 39.5],
    ['a threshold with paise, one paisa below', { fee: 25, freeFrom: 999.99 }, 999.98, 25],
    ['a threshold with paise, reached', { fee: 25, freeFrom: 999.99 }, 999.99, 0],
    ['free from ₹0: always free', { fee: 40, freeFrom: 0 }, 0, 0],
    ['a ₹0 fee: always free', { fee: 0, freeFrom: 499 }, 10, 0],
  ])('follows the rule it is given: %s', (_label, given, subtotal, fee) => {
    expect(deliveryFeeFor(subtotal, given)).toBe(fee);
  });

  it('starts from the shop\'s published numbers: ₹40, free from ₹499', () => {
    expect(defaultDeliveryRule).toEqual({ fee: 40, freeFrom: 499 });
  });
});

describe('amountToFreeDelivery', () => {
  it.each([
    ['an empty cart', 0, 499],
    ['one paisa below', 498.99, 0.01],
    ['exactly the threshold', 499, 0],
    ['above the threshold', 650, 0],
    ['a float subtotal (0.1 + 0.2)', 0.1 + 0.2, 498.7],
  ])('is what is left to spend for %s', (_label, subtotal, left) => {
    expect(amountToFreeDelivery(subtotal, rule)).toBe(left);
  });

  it('is 0 when delivery costs nothing anyway', () => {
    expect(amountToFreeDelivery(10, { fee: 0, freeFrom: 499 })).toBe(0);
  });
});

describe('deliveryRuleSchema', () => {
  it.each([
    [{ fee: 40, freeFrom: 499 }],
    [{ fee: 0, freeFrom: 0 }],
    [{ fee: 39.99, freeFrom: 999.5 }],
    [{ fee: maxDeliveryFee, freeFrom: maxFreeDeliveryFrom }],
  ])('accepts %o', (value) => {
    expect(deliveryRuleSchema.parse(value)).toEqual(value);
  });

  it.each([
    ['a negative fee', { fee: -1, freeFrom: 499 }],
    ['a third decimal', { fee: 40.005, freeFrom: 499 }],
    ['a fee over the maximum', { fee: maxDeliveryFee + 1, freeFrom: 499 }],
    ['a threshold over the maximum', { fee: 40, freeFrom: maxFreeDeliveryFrom + 1 }],
    ['not a number', { fee: 'forty', freeFrom: 499 }],
    ['infinity', { fee: 40, freeFrom: Number.POSITIVE_INFINITY }],
    ['a missing field', { fee: 40 }],
  ])('refuses %s', (_label, value) => {
    expect(deliveryRuleSchema.safeParse(value).success).toBe(false);
  });
});
