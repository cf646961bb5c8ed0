import { describe, expect, it } from 'vitest';
import { parsePrice } from './parse-price';

describe('parsePrice', () => {
  it.each<[unknown, number]>([
    [60, 60],
    [59.999, 60],
    ['60', 60],
    ['1,299.50', 1299.5],
    ['₹ 1,299', 1299],
    ['Rs. 75', 75],
    ['INR 10.5', 10.5],
    [0, 0],
  ])('reads %j as %d', (input, expected) => {
    expect(parsePrice(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[unknown, string]>([
    ['abc', 'not a number'],
    ['12abc', 'not a number'],
    ['', 'not a number'],
    [null, 'not a number'],
    [{ amount: 5 }, 'not a number'],
    [-1, 'negative'],
    [Number.NaN, 'not a finite number'],
    [1e12, 'above 1,00,00,000'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(parsePrice(input)).toEqual({ ok: false, reason });
  });
});
