import { describe, expect, it } from 'vitest';
import { formatRupees, selectProducts, sortCategories, toStockLabel, toStockState } from './catalogue.logic';

describe('formatRupees', () => {
  it.each([
    [60, '₹60'],
    [0, '₹0'],
    [1499.5, '₹1,499.5'],
    [123456, '₹1,23,456'],
    [10_000_000, '₹1,00,00,000'],
  ])('shows %d as %s, with Indian digit grouping', (amount, expected) => {
    expect(formatRupees(amount)).toBe(expected);
  });
});

describe('the stock label', () => {
  it.each([
    [0, 'out', 'Out of stock'],
    [1, 'low', 'Only 1 left'],
    [9, 'low', 'Only 9 left'],
    [10, 'in-stock', 'In stock'],
    [120, 'in-stock', 'In stock'],
  ] as const)('reads stock %d as %s: "%s"', (stock, state, label) => {
    expect(toStockState(stock)).toBe(state);
    expect(toStockLabel(stock)).toBe(label);
  });
});

describe('selecting the list', () => {
  const products = [
    { id: 'b', name: 'Pulihora Mix', price: 90, stock: 60, categoryId: 'food' },
    { id: 'a', name: 'Camphor Tablets', price: 55, stock: 0, categoryId: 'pooja' },
    { id: 'c', name: 'Laddu', price: 60, stock: 120, categoryId: 'food' },
  ];

  it('shows every product by name when no category is chosen', () => {
    expect(selectProducts(products, undefined).map((p) => p.id)).toEqual(['a', 'c', 'b']);
  });

  it('shows only the chosen category', () => {
    expect(selectProducts(products, 'food').map((p) => p.id)).toEqual(['c', 'b']);
  });

  it('orders categories by their sort order, then name', () => {
    const sorted = sortCategories([
      { id: 'x', name: 'Books', sortOrder: 2 },
      { id: 'y', name: 'Prasadam', sortOrder: 1 },
      { id: 'z', name: 'Art', sortOrder: 2 },
    ]);
    expect(sorted.map((c) => c.id)).toEqual(['y', 'z', 'x']);
  });
});
