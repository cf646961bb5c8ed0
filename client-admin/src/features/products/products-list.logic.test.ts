/**
 * The admin product list's search, filter and order, and the rupee format its rows use,
 * as tables of inputs and what they show.
 */
import { describe, expect, it } from 'vitest';
import { formatRupees } from '@oa/client-sync';
import { filterProducts, type ProductListQuery } from './products-list.logic';

const products = [
  { name: 'Pulihora Mix', slug: 'pulihora-mix', isActive: true },
  { name: 'Camphor Tablets', slug: 'camphor-tablets', isActive: false },
  { name: 'Crème Laddu', slug: 'laddu-special', isActive: true },
  { name: 'annavaram Sthala Puranam', slug: 'sthala-puranam', isActive: true },
];
const names = (query: Partial<ProductListQuery>) => filterProducts(products, { search: '', status: 'all', ...query }).map((p) => p.name);

describe('filterProducts', () => {
  it.each<[string, Partial<ProductListQuery>, string[]]>([
    ['everything by name, ignoring case', {}, ['annavaram Sthala Puranam', 'Camphor Tablets', 'Crème Laddu', 'Pulihora Mix']],
    ['only active ones', { status: 'active' }, ['annavaram Sthala Puranam', 'Crème Laddu', 'Pulihora Mix']],
    ['only inactive ones', { status: 'inactive' }, ['Camphor Tablets']],
    ['a search in the name, ignoring accents', { search: 'creme' }, ['Crème Laddu']],
    ['a search in the slug', { search: 'special' }, ['Crème Laddu']],
    ['every word of the search', { search: 'MIX puli' }, ['Pulihora Mix']],
    ['a search and a filter together', { search: 'camphor', status: 'active' }, []],
  ])('shows %s', (_case, query, expected) => {
    expect(names(query)).toEqual(expected);
  });
});

describe('formatRupees', () => {
  it.each([
    [60, '₹60'],
    [99.5, '₹99.50'],
    [123456, '₹1,23,456'],
    [0, '₹0'],
  ])('%s reads %s', (amount, text) => {
    expect(formatRupees(amount)).toBe(text);
  });
});
