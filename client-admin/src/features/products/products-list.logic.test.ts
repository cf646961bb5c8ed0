/**
 * The admin product list's search, filter and order, each row's thumbnail and the rupee format
 * its rows use, as tables of inputs and what they show.
 */
import { describe, expect, it } from 'vitest';
import { formatRupees } from '@oa/client-sync';
import { filterProducts, toThumbnailSrc, type ProductListQuery } from './products-list.logic';

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

describe('toThumbnailSrc', () => {
  it.each<[string, { images: string[]; imageUrl?: string }, string | undefined]>([
    ['the first of several images', { images: ['/a.jpg', '/b.jpg'], imageUrl: '/a.jpg' }, '/a.jpg'],
    ['the legacy imageUrl when images is empty', { images: [], imageUrl: 'https://cdn.example/old.png' }, 'https://cdn.example/old.png'],
    ['nothing for a product without a picture', { images: [] }, undefined],
    ['nothing for blank addresses', { images: ['  '], imageUrl: '' }, undefined],
  ])('shows %s', (_case, product, src) => {
    expect(toThumbnailSrc(product)).toBe(src);
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
