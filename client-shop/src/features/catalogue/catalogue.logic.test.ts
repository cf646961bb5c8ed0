import { formatRupees, toSearchWords } from '@oa/client-sync';
import { describe, expect, it } from 'vitest';
import { maxQuantity } from '../cart/cart.logic';
import { defaultCatalogueQuery, parseCatalogueQuery, selectProducts, sortCategories, toCatalogueSearch, toImages, toQuantityCap, toScrollEdges, toStockLabel, toStockState, type CatalogueQuery } from './catalogue.logic';

describe('formatRupees', () => {
  it.each([
    [60, '₹60'],
    [0, '₹0'],
    [1499.5, '₹1,499.50'],
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
    { id: 'b', name: 'Pulihora Mix', price: 90, stock: 60, categoryId: 'food', tags: ['savoury'], ratingAverage: 4.5, ratingCount: 2, createdAt: '2026-01-02T00:00:00.000Z' },
    { id: 'a', name: 'Camphor Tablets', price: 55, stock: 0, categoryId: 'pooja', description: 'For the aarti', ratingAverage: 4.5, ratingCount: 9, createdAt: '2026-01-03T00:00:00.000Z' },
    { id: 'c', name: 'Laddū', price: 60, stock: 120, categoryId: 'food', unit: '250 g', createdAt: '2026-01-01T00:00:00.000Z' },
  ];
  const ids = (query: Parameters<typeof selectProducts>[1]) => selectProducts(products, query).map((p) => p.id);

  it('shows every product by name when no category is chosen', () => {
    expect(ids({})).toEqual(['a', 'c', 'b']);
  });

  it('shows only the chosen category', () => {
    expect(ids({ categoryId: 'food' })).toEqual(['c', 'b']);
  });

  it.each([
    ['laddu', ['c']],
    ['LADDU 250', ['c']],
    ['aarti', ['a']],
    ['savoury mix', ['b']],
    ['mix laddu', []],
    ['  ', ['a', 'c', 'b']],
  ])('finds %j in names, units, descriptions and tags', (search, expected) => {
    expect(ids({ search })).toEqual(expected);
  });

  it.each([
    ['price-asc', ['a', 'c', 'b']],
    ['price-desc', ['b', 'c', 'a']],
    ['rating', ['a', 'b', 'c']],
    ['newest', ['a', 'b', 'c']],
    ['name', ['a', 'c', 'b']],
  ] as const)('sorts by %s', (sort, expected) => {
    expect(ids({ sort })).toEqual(expected);
  });

  it('combines a search, a category and a sort', () => {
    expect(ids({ search: 'l', categoryId: 'food', sort: 'price-desc' })).toEqual(['b', 'c']);
  });

  it('splits a search into words without punctuation', () => {
    expect(toSearchWords(' Ghee, deepam! ')).toEqual(['ghee', 'deepam']);
  });

  it('takes a product’s images, or its legacy imageUrl', () => {
    expect(toImages({ images: ['/a.svg', '/b.svg'], imageUrl: '/a.svg' })).toEqual(['/a.svg', '/b.svg']);
    expect(toImages({ images: [], imageUrl: '/old.jpg' })).toEqual(['/old.jpg']);
    expect(toImages({})).toEqual([]);
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

describe('the list’s query in the shop page’s address', () => {
  const query = (fields: Partial<CatalogueQuery>): CatalogueQuery => ({ ...defaultCatalogueQuery, ...fields });

  it.each([
    ['the whole list', query({}), ''],
    ['a search', query({ search: 'laddu' }), '?q=laddu'],
    ['a search of several words and symbols', query({ search: 'ghee & jaggery 100%' }), '?q=ghee+%26+jaggery+100%25'],
    ['a category', query({ categoryId: 'cat-2' }), '?category=cat-2'],
    ['a sort other than by name', query({ sort: 'price-desc' }), '?sort=price-desc'],
    ['all three', query({ search: 'laddu', categoryId: 'cat-1', sort: 'rating' }), '?q=laddu&category=cat-1&sort=rating'],
  ])('writes %s and reads it back the same', (_label, written, search) => {
    expect(toCatalogueSearch(written)).toBe(search);
    expect(parseCatalogueQuery(search)).toEqual(written);
  });

  it.each([
    ['an unknown sort', '?sort=cheapest', query({})],
    ['an empty category', '?category=', query({})],
    ['a search too long to be typed', `?q=${'a'.repeat(201)}`, query({})],
    ['other parameters', '?utm_source=whatsapp&q=laddu', query({ search: 'laddu' })],
    ['a query string without its ?', 'sort=newest', query({ sort: 'newest' })],
  ])('reads %s as the default for that part', (_label, search, expected) => {
    expect(parseCatalogueQuery(search)).toEqual(expected);
  });
});

describe('how many of a product the list may put in the cart', () => {
  it.each([
    [0, 0],
    [-3, 0],
    [5, 5],
    [maxQuantity, maxQuantity],
    [1000, maxQuantity],
  ])('with %d in stock: up to %d', (stock, cap) => {
    expect(toQuantityCap(stock)).toBe(cap);
  });
});

describe('the hint that the category chips scroll sideways', () => {
  it.each([
    ['all chips fit', { scrollLeft: 0, scrollWidth: 300, clientWidth: 300 }, { start: false, end: false }],
    ['more to the right, at the start', { scrollLeft: 0, scrollWidth: 800, clientWidth: 330 }, { start: false, end: true }],
    ['scrolled part way', { scrollLeft: 200, scrollWidth: 800, clientWidth: 330 }, { start: true, end: true }],
    ['scrolled to the end', { scrollLeft: 470, scrollWidth: 800, clientWidth: 330 }, { start: true, end: false }],
    ['at the end but for a rounding half pixel', { scrollLeft: 469.5, scrollWidth: 800, clientWidth: 330 }, { start: true, end: false }],
    ['right to left, scrolled part way', { scrollLeft: -200, scrollWidth: 800, clientWidth: 330 }, { start: true, end: true }],
  ])('%s', (_label, row, edges) => {
    expect(toScrollEdges(row)).toEqual(edges);
  });
});
