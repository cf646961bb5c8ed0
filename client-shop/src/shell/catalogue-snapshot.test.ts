// @vitest-environment happy-dom
/** The returning visitor's copy of the catalogue: kept small, and anything unexpected ignored. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CatalogueProduct } from '../features/catalogue/catalogue.logic';
import { maxSnapshotProducts, readCatalogueSnapshot, saveCatalogueSnapshot } from './catalogue-snapshot';

const product = (id: string): CatalogueProduct => ({ id, name: id, price: 10, stock: 5, categoryId: 'c1' });
const category = { id: 'c1', name: 'Prasadam', sortOrder: 1 };

describe('the catalogue snapshot', () => {
  beforeEach(() => localStorage.clear());

  it('gives back the products and categories last saved', () => {
    saveCatalogueSnapshot([product('p1')], [category]);
    expect(readCatalogueSnapshot()).toEqual({ products: [product('p1')], categories: [category] });
  });

  it('keeps no copy of a catalogue too large to read before the first paint', () => {
    saveCatalogueSnapshot([product('p1')], [category]);
    saveCatalogueSnapshot(Array.from({ length: maxSnapshotProducts + 1 }, (_, i) => product(`p${i}`)), [category]);
    expect(readCatalogueSnapshot()).toBeUndefined();
  });

  it('forgets the copy once the catalogue is empty', () => {
    saveCatalogueSnapshot([product('p1')], [category]);
    saveCatalogueSnapshot([], [category]);
    expect(readCatalogueSnapshot()).toBeUndefined();
  });

  it.each([['not JSON', '{'], ['another shape', '{"products":[{"name":"no id"}],"categories":[]}'], ['no products', '{"products":[],"categories":[]}']])(
    'ignores a stored value that is %s',
    (_, raw) => {
      localStorage.setItem('oa-shop-catalogue-snapshot', raw);
      expect(readCatalogueSnapshot()).toBeUndefined();
    },
  );
});
