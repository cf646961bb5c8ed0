import { describe, expect, it } from 'vitest';
import { objectIdTime, readLegacyProduct } from './read-legacy-product';

const id = '64a1b2c3d4e5f60718293a4b';
const read = (doc: Record<string, unknown>, side: 'admin' | 'user' = 'admin') => readLegacyProduct({ where: 'products.json line 1', doc }, side);

describe('readLegacyProduct', () => {
  it('maps the admin backend names', () => {
    const { product, problems } = read({
      _id: id, __v: 0, name: ' Laddu ', price: 60, originalPrice: 70, category: 'Prasadam', images: ['https://cdn.example/l.jpg'],
      stock: 5, isActive: false, createdAt: '2024-01-01T00:00:00Z', sku: 'L-1',
    });
    expect(problems).toEqual([]);
    expect(product).toEqual({
      side: 'admin', where: `products.json line 1 (_id ${id})`, id,
      fields: { name: 'Laddu', price: 60, mrp: 70, category: 'Prasadam', images: ['https://cdn.example/l.jpg'], stock: 5, isActive: false, createdAt: '2024-01-01T00:00:00.000Z' },
      dropped: ['sku'],
    });
  });

  it('maps the user backend names', () => {
    const { product } = read({ _id: id, title: 'Laddu', price: '60.00', category_id: 'c1', image_url: 'uploads/l.jpg', total_stock: '7', is_active: 'true', rating: 4.5, numReviews: 2 }, 'user');
    expect(product?.fields).toEqual({ name: 'Laddu', price: 60, category: 'c1', images: ['/uploads/l.jpg'], stock: 7, isActive: true, ratingAverage: 4.5, ratingCount: 2 });
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['no _id', { name: 'x', price: 1 }, 'MISSING_FIELD', /no _id/],
    ['an unparseable price', { _id: id, name: 'x', price: 'abc' }, 'UNPARSEABLE_PRICE', /price "abc": not a number/],
    ['a negative mrp', { _id: id, name: 'x', price: 1, mrp: -3 }, 'UNPARSEABLE_PRICE', /mrp -3: negative/],
    ['a fractional stock', { _id: id, name: 'x', price: 1, stock: 2.5 }, 'INVALID_FIELD', /stock 2.5/],
    ['a script as an image', { _id: id, name: 'x', price: 1, image: 'javascript:alert(1)' }, 'INVALID_FIELD', /image/],
    ['a flag that is not one', { _id: id, name: 'x', price: 1, isActive: 'maybe' }, 'INVALID_FIELD', /isActive "maybe"/],
    ['a name that is an object', { _id: id, name: { en: 'x' }, price: 1 }, 'INVALID_FIELD', /name is not text/],
  ])('names the document and the problem: %s', (_case, doc, code, message) => {
    const { product, problems } = read(doc);
    expect(product).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ code, message: expect.stringMatching(message), where: expect.stringContaining('products.json line 1') })]);
  });

  it('leaves missing name and price to the merge (the other backend may have them)', () => {
    expect(read({ _id: id }).product?.fields).toEqual({});
  });
});

describe('objectIdTime', () => {
  it('reads the creation second of an ObjectId', () => {
    expect(objectIdTime('65920080aaaaaaaaaaaaaaaa')).toBe('2024-01-01T00:00:00.000Z');
    expect(objectIdTime('not-an-object-id')).toBeUndefined();
  });
});
