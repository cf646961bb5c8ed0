import { describe, expect, it } from 'vitest';
import { toPaise, toRupees } from './paise';

describe('toPaise', () => {
  it.each([
    [0, 0],
    [120, 12_000],
    [120.5, 12_050],
    [0.1, 10],
    [19.99, 1_999],
    [10_000_000, 1_000_000_000],
  ])('turns ₹%s into %s paise', (rupees, paise) => {
    expect(toPaise(rupees)).toBe(paise);
  });

  it('rounds a third paisa digit half up as written, not as the float happens to be stored', () => {
    // 1.005 * 100 is 100.49999999999999 in binary floating point; the shop means 1.005 → ₹1.01.
    expect(1.005 * 100).toBeLessThan(100.5);
    expect(toPaise(1.005)).toBe(101);
    expect(toPaise(2.344)).toBe(234);
  });

  it('handles amounts JavaScript prints in exponent form', () => {
    expect(toPaise(1e-7)).toBe(0);
  });
});

describe('toRupees', () => {
  it('sums of prices in paise convert back without float drift', () => {
    const floatSum = 0.1 + 0.2;
    expect(floatSum).not.toBe(0.3);
    expect(toRupees(toPaise(0.1) + toPaise(0.2))).toBe(0.3);
  });

  it('is the inverse of toPaise on two-decimal amounts', () => {
    for (const rupees of [0, 0.01, 0.99, 12.34, 499, 999_999.99]) expect(toRupees(toPaise(rupees))).toBe(rupees);
  });
});
