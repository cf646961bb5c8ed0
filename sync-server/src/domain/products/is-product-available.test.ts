import { describe, expect, it } from 'vitest';
import { isProductAvailable } from './is-product-available';

describe('isProductAvailable', () => {
  it.each([
    ['an active, live product', { _deleted: false, isActive: true }, true],
    ['an inactive product', { _deleted: false, isActive: false }, false],
    ['a deleted product', { _deleted: true, isActive: true }, false],
    ['a deleted, inactive product', { _deleted: true, isActive: false }, false],
    ['a missing product', undefined, false],
  ])('%s → available: %s', (_label, product, expected) => {
    expect(isProductAvailable(product)).toBe(expected);
  });
});
