/**
 * Catalogue documents for the products and categories tests: complete, valid under the schema,
 * shaped like the demo catalogue. Test-only; nothing in the app imports this file.
 */
import type { Category, Product } from '@oa/schema';

export const created = '2026-01-01T00:00:00.000Z';
export const now = '2026-11-24T07:00:00.000Z';

export const toCategory = (id: string, name: string, fields: Partial<Category> = {}): Category => ({
  id,
  _deleted: false,
  createdAt: created,
  updatedAt: created,
  name,
  slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  sortOrder: 1,
  isActive: true,
  ...fields,
});

export const toProduct = (id: string, name: string, fields: Partial<Product> = {}): Product => {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    id,
    _deleted: false,
    createdAt: created,
    updatedAt: created,
    name,
    slug,
    description: `${name}, from the devasthanam store.`,
    price: 100,
    categoryId: 'cat-prasadam',
    category: 'Prasadam',
    images: [`/images/demo/${slug}.svg`],
    imageUrl: `/images/demo/${slug}.svg`,
    stock: 10,
    totalStock: 10,
    tags: [],
    isActive: true,
    ratingAverage: 0,
    ratingCount: 0,
    ...fields,
  };
};

export const prasadam = toCategory('cat-prasadam', 'Prasadam', { sortOrder: 1 });
export const books = toCategory('cat-books', 'Books', { sortOrder: 3 });
