/** A fresh device's front page: the early pages until the device's database has the catalogue. */
import { describe, expect, it } from 'vitest';
import type { CatalogueCategory, CatalogueProduct } from './catalogue.logic';
import { toEarlyDocuments, toShownCatalogue, type EarlyCatalogue } from './early-catalogue.logic';

const product = (id: string): CatalogueProduct => ({ id, name: id, price: 10, stock: 5, categoryId: 'c1' });
const category: CatalogueCategory = { id: 'c1', name: 'Prasadam', sortOrder: 1 };
const early: EarlyCatalogue = { products: [product('early')], categories: [category] };

describe('toShownCatalogue', () => {
  it.each([
    ['shows the early pages while the database is not open yet', { products: undefined, categories: undefined, caughtUp: false }, early, ['early']],
    ['shows the early pages while the first sync is still writing', { products: [], categories: [], caughtUp: false }, early, ['early']],
    ['shows the database once it holds products', { products: [product('stored')], categories: [category], caughtUp: false }, early, ['stored']],
    ['shows an empty database once it has caught up (every product removed since)', { products: [], categories: [], caughtUp: true }, early, []],
    ['says "loading" with no early pages and nothing open', { products: undefined, categories: undefined, caughtUp: false }, undefined, undefined],
  ] as const)('%s', (_, stored, earlyPages, expected) => {
    expect(toShownCatalogue(stored, earlyPages).products?.map((p) => p.id)).toEqual(expected);
  });

  it('keeps the early categories until the database has some', () => {
    expect(toShownCatalogue({ products: [], categories: [], caughtUp: false }, early).categories).toEqual([category]);
  });
});

describe('toEarlyDocuments', () => {
  it('drops tombstones and the replication flag, as the database would give them back', () => {
    expect(toEarlyDocuments([{ id: 'p1', _deleted: false, name: 'Laddu' }, { id: 'p2', _deleted: true }])).toEqual([{ id: 'p1', name: 'Laddu' }]);
  });
});
