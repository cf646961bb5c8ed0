/**
 * Legacy aliases on products: stock/totalStock, imageUrl/images[0] and category (a name) /
 * categoryId (a reference), on creates and updates, and that a normalised product is valid.
 */
import { describe, expect, it } from 'vitest';
import type { Fields } from '../aliases/alias-result';
import { acceptedValue, describeAliasPair, notObjects, refusalOf } from '../testing/describe-alias-pair';
import { sampleDocument } from '../testing/sample-documents';
import { validateDocument } from '../validate-document';
import { normalizeProduct, type CategoryRef } from './products';
import { collections } from './registry';

const sweets: CategoryRef = { id: 'category-1', name: 'Sweets' };
const flowers: CategoryRef = { id: 'category-2', name: 'Flowers' };
const categories = [sweets, flowers];

/** The stored product: category-1 "Sweets", first image /images/laddu.jpg, stock 40. */
const stored = sampleDocument('products');
const product = (overrides: Fields = {}): Fields => sampleDocument('products', overrides);
const normalize = (input: unknown, previous?: Fields) => normalizeProduct(input, { previous, categories });

describe('normalizeProduct', () => {
  it('uses a stored sample whose aliases agree with the categories here', () => {
    expect(stored).toMatchObject({ categoryId: sweets.id, category: sweets.name, stock: 40, totalStock: 40 });
    expect(stored.imageUrl).toBe((stored.images as string[])[0]);
  });

  describeAliasPair({ collection: 'products', normalize, a: 'stock', b: 'totalStock', values: [7, 12] });

  describe('imageUrl / images[0]', () => {
    const oldFirst = '/images/laddu.jpg';
    const second = 'https://cdn.example.com/laddu-2.jpg';

    it('fills images from imageUrl when only imageUrl is sent', () => {
      const value = acceptedValue(normalize(product({ images: undefined, imageUrl: '/images/new.jpg' })));
      expect(value.images).toEqual(['/images/new.jpg']);
      expect(value.imageUrl).toBe('/images/new.jpg');
    });

    it('fills imageUrl from the first image when only images is sent', () => {
      const value = acceptedValue(normalize(product({ imageUrl: undefined, images: ['/images/a.jpg', '/images/b.jpg'] })));
      expect(value.imageUrl).toBe('/images/a.jpg');
      expect(value.images).toEqual(['/images/a.jpg', '/images/b.jpg']);
    });

    it('accepts imageUrl equal to the first image', () => {
      const value = acceptedValue(normalize(product({ imageUrl: '/images/a.jpg', images: ['/images/a.jpg', second] })));
      expect(value).toMatchObject({ imageUrl: '/images/a.jpg', images: ['/images/a.jpg', second] });
    });

    it('on a create, refuses imageUrl that is not the first image, naming both', () => {
      const error = refusalOf(normalize(product({ imageUrl: '/images/a.jpg', images: ['/images/b.jpg'] })));
      expect(error.code).toBe('ALIAS_CONFLICT');
      expect(error.fields).toEqual(expect.arrayContaining(['imageUrl', 'images[0]']));
    });

    it('on an update, a changed imageUrl replaces the first image and keeps the others', () => {
      const value = acceptedValue(normalize(product({ imageUrl: '/images/new.jpg' }), stored));
      expect(value.images).toEqual(['/images/new.jpg', second]);
      expect(value.imageUrl).toBe('/images/new.jpg');
    });

    it('on an update, a changed first image replaces the imageUrl echoed unchanged', () => {
      const value = acceptedValue(normalize(product({ images: ['/images/new.jpg', oldFirst] }), stored));
      expect(value.imageUrl).toBe('/images/new.jpg');
      expect(value.images).toEqual(['/images/new.jpg', oldFirst]);
    });

    it('on an update, refuses imageUrl and images[0] both changed to different values', () => {
      const error = refusalOf(normalize(product({ imageUrl: '/images/a.jpg', images: ['/images/b.jpg'] }), stored));
      expect(error.code).toBe('ALIAS_CONFLICT');
      expect(error.fields).toEqual(expect.arrayContaining(['imageUrl', 'images[0]']));
    });

    it.each([
      { behaviour: 'with imageUrl echoed unchanged', write: { images: [] } },
      { behaviour: 'with imageUrl left out', write: { images: [], imageUrl: undefined } },
    ])('on an update, removing every image clears imageUrl ($behaviour)', ({ write }) => {
      const value = acceptedValue(normalize(product(write), stored));
      expect(value.images).toEqual([]);
      expect(value.imageUrl).toBeUndefined();
      expect(validateDocument('products', value)).toMatchObject({ ok: true });
    });
  });

  describe('category (a name) / categoryId (a reference)', () => {
    it('fills category with the referenced category name when only categoryId is sent', () => {
      const value = acceptedValue(normalize(product({ category: undefined, categoryId: flowers.id })));
      expect(value).toMatchObject({ categoryId: flowers.id, category: flowers.name });
    });

    it('fills categoryId from the category name when only category is sent', () => {
      const value = acceptedValue(normalize(product({ categoryId: undefined, category: flowers.name })));
      expect(value).toMatchObject({ categoryId: flowers.id, category: flowers.name });
    });

    it('accepts a name and a reference to the category of that name', () => {
      const value = acceptedValue(normalize(product({ categoryId: flowers.id, category: flowers.name })));
      expect(value).toMatchObject({ categoryId: flowers.id, category: flowers.name });
    });

    it('on a create, refuses a name that is not the referenced category, naming both', () => {
      const error = refusalOf(normalize(product({ categoryId: sweets.id, category: flowers.name })));
      expect(error.code).toBe('ALIAS_CONFLICT');
      expect(error.fields).toEqual(expect.arrayContaining(['category', 'categoryId']));
    });

    it('on an update, a changed categoryId wins and the echoed name is refreshed', () => {
      const value = acceptedValue(normalize(product({ categoryId: flowers.id }), stored));
      expect(value).toMatchObject({ categoryId: flowers.id, category: flowers.name });
    });

    it('on an update, a changed category name wins and the echoed reference follows it', () => {
      const value = acceptedValue(normalize(product({ category: flowers.name }), stored));
      expect(value).toMatchObject({ categoryId: flowers.id, category: flowers.name });
    });

    it('on an update, refuses name and reference both changed to different categories', () => {
      const previous = { ...stored, categoryId: 'category-3', category: 'Oils' };
      const withOils = [...categories, { id: 'category-3', name: 'Oils' }];
      const error = refusalOf(
        normalizeProduct(product({ categoryId: sweets.id, category: flowers.name }), { previous, categories: withOils }),
      );
      expect(error.code).toBe('ALIAS_CONFLICT');
      expect(error.fields).toEqual(expect.arrayContaining(['category', 'categoryId']));
    });

    it.each([
      { behaviour: 'an unknown categoryId', write: { category: undefined, categoryId: 'category-404' }, field: 'categoryId' },
      { behaviour: 'an unknown category name', write: { categoryId: undefined, category: 'Electronics' }, field: 'category' },
    ])('refuses $behaviour with UNKNOWN_REFERENCE naming it', ({ write, field }) => {
      const error = refusalOf(normalize(product(write)));
      expect(error.code).toBe('UNKNOWN_REFERENCE');
      expect(error.fields).toEqual([field]);
    });

    it('on an update, refuses a category name changed to one that does not exist', () => {
      const error = refusalOf(normalize(product({ category: 'Electronics' }), stored));
      expect(error.code).toBe('UNKNOWN_REFERENCE');
      expect(error.fields).toEqual(['category']);
    });

    it('refreshes a stale category name from the reference when the category was renamed since', () => {
      const renamed = [{ id: sweets.id, name: 'Temple Sweets' }, flowers];
      // The writer echoes both stored values; only the category's own name changed meanwhile.
      const value = acceptedValue(normalizeProduct(product(), { previous: stored, categories: renamed }));
      expect(value).toMatchObject({ categoryId: sweets.id, category: 'Temple Sweets' });
    });

    it('moves a product whose stored category was deleted to the category its new name gives', () => {
      const value = acceptedValue(normalizeProduct(product({ category: flowers.name }), { previous: stored, categories: [flowers] }));
      expect(value).toMatchObject({ categoryId: flowers.id, category: flowers.name });
    });
  });

  it.each(notObjects)('refuses %s as INVALID_ALIAS_VALUE without throwing', (_label, input) => {
    expect(refusalOf(normalize(input)).code).toBe('INVALID_ALIAS_VALUE');
  });

  it('turns a legacy write using only the old names into a valid product', () => {
    const legacy = product({ totalStock: undefined, images: undefined, categoryId: undefined, stock: 3, imageUrl: '/images/x.jpg' });
    const value = acceptedValue(normalize(legacy));
    expect(value).toMatchObject({ stock: 3, totalStock: 3, images: ['/images/x.jpg'], categoryId: sweets.id });
    expect(validateDocument('products', value)).toMatchObject({ ok: true });
  });

  it('is what the registry runs for products, with the categories from the context', () => {
    const value = acceptedValue(collections.products.normalize(product({ category: undefined, categoryId: flowers.id }), { categories }));
    expect(value.category).toBe(flowers.name);
  });
});
