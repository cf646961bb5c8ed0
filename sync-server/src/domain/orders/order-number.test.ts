import { orderSchema } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { formatOrderNumber, isOrderNumber, orderNumberAlphabet } from './order-number';

/** A generator that returns the given values in turn, then repeats them. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length] as number;
};
/** The value that makes the generator pick the symbol at `index`. */
const pick = (index: number) => (index + 0.5) / orderNumberAlphabet.length;

describe('formatOrderNumber', () => {
  it('is the prefix, the date and six symbols picked by the generator', () => {
    const symbols = [5, 19, 1, 13, 7, 23];
    const number = formatOrderNumber(new Date('2026-11-24T07:00:00.000Z'), sequence(...symbols.map(pick)));
    expect(number).toBe(`OA-20261124-${symbols.map((i) => orderNumberAlphabet[i]).join('')}`);
  });

  it.each([
    ['before 18:30 UTC, the same day', '2026-11-24T18:29:59.999Z', '20261124'],
    ['from 18:30 UTC, the next day in India', '2026-11-24T18:30:00.000Z', '20261125'],
    ['across a year end', '2026-12-31T20:00:00.000Z', '20270101'],
  ])('dates the order in India time: %s', (_label, instant, date) => {
    expect(formatOrderNumber(new Date(instant), () => 0)).toBe(`OA-${date}-${orderNumberAlphabet[0]!.repeat(6)}`);
  });

  it('stays within the alphabet when the generator returns 1 or less than 0', () => {
    const first = orderNumberAlphabet[0];
    const last = orderNumberAlphabet.at(-1);
    const number = formatOrderNumber(new Date('2026-01-01T00:00:00Z'), sequence(1, -0.5, 0.9999999));
    expect(number).toBe(`OA-20260101-${last}${first}${last}${last}${first}${last}`);
    expect(isOrderNumber(number)).toBe(true);
  });

  it('never uses the look-alike characters 0, O, 1 or I', () => {
    expect(orderNumberAlphabet).not.toMatch(/[01OI]/);
    expect(new Set(orderNumberAlphabet).size).toBe(orderNumberAlphabet.length);
  });

  it('fits the order schema\'s orderId', () => {
    const number = formatOrderNumber(new Date('2026-11-24T07:00:00Z'), Math.random);
    expect(orderSchema.shape.orderId.safeParse(number).success).toBe(true);
  });

  it('draws different numbers for different random values on the same day', () => {
    const at = new Date('2026-11-24T07:00:00Z');
    expect(formatOrderNumber(at, () => pick(0))).not.toBe(formatOrderNumber(at, () => pick(1)));
  });

  it('refuses an invalid date rather than printing NaN', () => {
    expect(() => formatOrderNumber(new Date('not a date'), Math.random)).toThrow(RangeError);
  });
});

describe('isOrderNumber', () => {
  it.each([
    ['OA-20261124-7K3F9Q', true],
    ['OA-20240229-ABCDEF', true],
    ['OA-20250229-ABCDEF', false],
    ['OA-20261324-ABCDEF', false],
    ['OA-20261124-7K3F9', false],
    ['OA-20261124-7K3F9QX', false],
    ['OA-20261124-0K3F9Q', false],
    ['OA-20261124-IK3F9Q', false],
    ['OA-20261124-7k3f9q', false],
    ['XX-20261124-7K3F9Q', false],
    ['OA-20260101-0001', false],
    [' OA-20261124-7K3F9Q', false],
    [42, false],
    [undefined, false],
  ])('says %s is %s', (value, expected) => {
    expect(isOrderNumber(value)).toBe(expected);
  });

  it('accepts everything formatOrderNumber makes', () => {
    for (let i = 0; i < 200; i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 37 * 3_600_000);
      expect(isOrderNumber(formatOrderNumber(at, Math.random))).toBe(true);
    }
  });
});
