import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRupees } from './format-rupees';
import { formatCount, toIndianDigits } from './indian-digits';

// What the apps showed before, with Intl: the hand-written grouping must write exactly the same.
const intlRupees = (amount: number): string =>
  new Intl.NumberFormat('en-IN', Number.isInteger(amount)
    ? { style: 'currency', currency: 'INR', maximumFractionDigits: 0 }
    : { style: 'currency', currency: 'INR', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);

describe('numbers written the Indian way', () => {
  it.each([
    [0, '₹0'],
    [60, '₹60'],
    [999, '₹999'],
    [1000, '₹1,000'],
    [123456.5, '₹1,23,456.50'],
    [1234567890, '₹1,23,45,67,890'],
    [0.1 + 0.2, '₹0.30'],
    [1.005, '₹1.01'],
    [-60, '-₹60'],
    [-0.001, '-₹0.00'],
  ])('writes %d rupees as %s, as Intl does', (amount, text) => {
    expect(formatRupees(amount)).toBe(text);
    expect(formatRupees(amount)).toBe(intlRupees(amount));
  });

  it('writes every amount a shop can hold exactly as Intl.NumberFormat en-IN', () => {
    const amounts = fc.oneof(fc.integer({ min: -1e9, max: 1e12 }), fc.double({ min: -1e9, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 1e8 }).map((paise) => paise / 100));
    fc.assert(fc.property(amounts, (amount) => {
      expect(formatRupees(amount)).toBe(intlRupees(amount));
    }), { numRuns: 2000 });
  });

  it('groups counts in lakhs and crores', () => {
    expect(formatCount(7)).toBe('7');
    expect(formatCount(12_345)).toBe('12,345');
    expect(formatCount(12_34_567)).toBe((1234567).toLocaleString('en-IN'));
  });

  it('falls back to Intl beyond the amounts a shop holds', () => {
    expect(toIndianDigits(1e16)).toBe((1e16).toLocaleString('en-IN'));
    expect(toIndianDigits(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});
