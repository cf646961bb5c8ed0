import { describe, expect, it } from 'vitest';
import { mergeOrderLines } from './merge-order-lines';

describe('mergeOrderLines', () => {
  it('adds the quantities of lines for the same product', () => {
    expect(
      mergeOrderLines([
        { productId: 'a', quantity: 2 },
        { productId: 'a', quantity: 3 },
      ]),
    ).toEqual([{ productId: 'a', quantity: 5 }]);
  });

  it('keeps products in the order they first appeared', () => {
    const merged = mergeOrderLines([
      { productId: 'b', quantity: 1 },
      { productId: 'a', quantity: 1 },
      { productId: 'b', quantity: 1 },
      { productId: 'c', quantity: 1 },
    ]);
    expect(merged.map((line) => line.productId)).toEqual(['b', 'a', 'c']);
  });

  it('leaves distinct lines as they are and does not touch its input', () => {
    const input = [
      { productId: 'a', quantity: 1 },
      { productId: 'b', quantity: 4 },
    ];
    const copy = structuredClone(input);
    expect(mergeOrderLines(input)).toEqual(input);
    expect(input).toEqual(copy);
  });

  it('returns no lines for no lines', () => {
    expect(mergeOrderLines([])).toEqual([]);
  });
});
