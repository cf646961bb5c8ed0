/**
 * The product form's rules, table by table: what each field accepts, the message for what it
 * refuses, and the document a good form becomes (complete, aliases in step, server fields kept).
 */
import { normalizeProduct, validateDocument, type Category, type Product } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { checkProductForm, parseRupees, toggleActive, toProductForm, toSlug, type ProductForm } from './product-form.logic';

const created = '2026-01-01T00:00:00.000Z';
const now = '2026-11-24T07:00:00.000Z';

const category = (id: string, name: string, fields: Partial<Category> = {}): Category => ({
  id, _deleted: false, createdAt: created, updatedAt: created, name, slug: toSlug(name), sortOrder: 1, isActive: true, ...fields,
});
const categories = [category('cat-prasadam', 'Prasadam'), category('cat-books', 'Books')];

const laddu: Product = {
  id: 'demo-product-1',
  _deleted: false,
  createdAt: created,
  updatedAt: created,
  name: 'Laddu',
  slug: 'laddu',
  description: 'Godhuma ravva laddu.',
  price: 60,
  categoryId: 'cat-prasadam',
  category: 'Prasadam',
  images: ['/images/demo/laddu.svg'],
  imageUrl: '/images/demo/laddu.svg',
  stock: 120,
  totalStock: 120,
  unit: '250 g',
  tags: ['sweet', 'bestseller'],
  isActive: true,
  ratingAverage: 4.5,
  ratingCount: 12,
};
const katha: Product = { ...laddu, id: 'demo-product-8', name: 'Vratha Katha', slug: 'vratha-katha', categoryId: 'cat-books', category: 'Books' };

const goodForm: ProductForm = {
  name: 'Pulihora Mix',
  slug: 'pulihora-mix',
  description: 'Tamarind rice mix.',
  price: '90',
  mrp: '',
  categoryId: 'cat-prasadam',
  stock: '60',
  unit: '200 g',
  tags: 'savoury',
  images: '/images/demo/pulihora-mix.svg',
  isActive: true,
};
const context = { products: [laddu, katha], categories, newId: () => 'new-product-1', now };

const errorsOf = (form: Partial<ProductForm>, extra: Partial<Parameters<typeof checkProductForm>[1]> = {}) => {
  const check = checkProductForm({ ...goodForm, ...form }, { ...context, ...extra });
  return check.ok ? {} : check.errors;
};

describe('toSlug', () => {
  it.each([
    ['Pulihora Mix', 'pulihora-mix'],
    ['Swamy Photo Frame, Large', 'swamy-photo-frame-large'],
    ['  Crème Brûlée  ', 'creme-brulee'],
    ['Annavaram Prasadam (Godhuma Ravva Laddu)', 'annavaram-prasadam-godhuma-ravva-laddu'],
    ['8 x 10 in', '8-x-10-in'],
    ['--Ghee--', 'ghee'],
    ['లడ్డు', ''],
  ])('%s → "%s"', (name, slug) => {
    expect(toSlug(name)).toBe(slug);
  });

  it('keeps within the schema cap without a trailing -', () => {
    const slug = toSlug(`${'a'.repeat(119)} b`);
    expect(slug).toBe('a'.repeat(119));
  });
});

describe('parseRupees', () => {
  it.each([
    ['60', 60],
    ['99.50', 99.5],
    [' 99.5 ', 99.5],
    ['₹ 1,20,000', 120000],
    ['1,000.25', 1000.25],
    ['10000000', 10_000_000],
    ['0', 0],
  ])('reads "%s" as %s', (text, amount) => {
    expect(parseRupees(text)).toBe(amount);
  });

  it.each(['', 'sixty', '-5', '9.999', '1,5', '12,34', '1e3', '.5', '99.', '10000000.01', 'Infinity'])('refuses "%s"', (text) => {
    expect(parseRupees(text)).toBeUndefined();
  });
});

describe('the product form, field by field', () => {
  it.each<[string, Partial<ProductForm>, Partial<Record<keyof ProductForm, string>>]>([
    ['an empty name', { name: '  ' }, { name: 'Enter the name shoppers will see' }],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, { name: 'Keep the name to 200 characters' }],
    ['a price that is not a number', { price: 'sixty' }, { price: 'Enter a price in rupees, like 60 or 99.50' }],
    ['a negative price', { price: '-1' }, { price: 'Enter a price in rupees, like 60 or 99.50' }],
    ['a price with three decimals', { price: '60.125' }, { price: 'Enter a price in rupees, like 60 or 99.50' }],
    ['a price above the cap', { price: '10000001' }, { price: 'Enter a price in rupees, like 60 or 99.50' }],
    ['an empty price', { price: '' }, { price: 'Enter a price in rupees, like 60 or 99.50' }],
    ['an MRP below the price', { price: '90', mrp: '80' }, { mrp: 'MRP must be at least the price' }],
    ['an MRP that is not a number', { mrp: 'ninety' }, { mrp: 'Enter the MRP in rupees, like 60 or 99.50, or leave it empty' }],
    ['a fractional stock', { stock: '2.5' }, { stock: 'Stock is a whole number from 0' }],
    ['a negative stock', { stock: '-3' }, { stock: 'Stock is a whole number from 0' }],
    ['an empty stock', { stock: '' }, { stock: 'Stock is a whole number from 0' }],
    ['a stock above the cap', { stock: '1000001' }, { stock: 'Stock is a whole number from 0 to 10,00,000' }],
    ['a slug with capitals', { slug: 'Pulihora-Mix' }, { slug: 'The slug is lowercase words joined by -' }],
    ['a slug with spaces', { slug: 'pulihora mix' }, { slug: 'The slug is lowercase words joined by -' }],
    ['a slug with a double -', { slug: 'pulihora--mix' }, { slug: 'The slug is lowercase words joined by -' }],
    ['an empty slug', { slug: '' }, { slug: 'The slug is lowercase words joined by -' }],
    ["another product's slug", { slug: 'laddu' }, { slug: 'Another product already uses this slug' }],
    ['no category', { categoryId: '' }, { categoryId: 'Choose a category' }],
    ['a deleted category', { categoryId: 'cat-gone' }, { categoryId: 'That category no longer exists' }],
    ['a javascript: image', { images: 'javascript:alert(1)' }, { images: 'An image URL starts with http://, https:// or /' }],
    ['a relative image on line 2', { images: '/a.jpg\nimages/b.jpg' }, { images: 'Line 2: an image URL starts with http://, https:// or /' }],
    ['eleven images', { images: Array.from({ length: 11 }, (_, i) => `/i${i}.jpg`).join('\n') }, { images: 'Up to 10 images, one URL per line' }],
    ['a unit over 40 characters', { unit: 'u'.repeat(41) }, { unit: 'Keep the unit to 40 characters, like 250 g' }],
    ['a tag over 40 characters', { tags: `ok, ${'t'.repeat(41)}` }, { tags: 'Up to 20 tags of at most 40 characters each, separated by commas' }],
    ['21 tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(',') }, { tags: 'Up to 20 tags of at most 40 characters each, separated by commas' }],
    ['a description over 5,000 characters', { description: 'd'.repeat(5001) }, { description: 'Keep the description to 5,000 characters' }],
  ])('refuses %s', (_case, form, errors) => {
    expect(errorsOf(form)).toEqual(errors);
  });

  it('names every problem at once', () => {
    expect(Object.keys(errorsOf({ name: '', price: 'x', stock: '-1', slug: 'A B', categoryId: '' })).sort()).toEqual(['categoryId', 'name', 'price', 'slug', 'stock']);
  });

  it.each<[string, Partial<ProductForm>]>([
    ['an MRP equal to the price', { price: '90', mrp: '90' }],
    ['a price in paise', { price: '99.50' }],
    ['no images', { images: '' }],
    ['https and blank lines between images', { images: 'https://cdn.example.com/a.jpg\n\n  /b.jpg  \n' }],
    ['a stock of 0', { stock: '0' }],
    ['no unit, no tags, no description', { unit: ' ', tags: ' , ', description: '' }],
  ])('accepts %s', (_case, form) => {
    expect(checkProductForm({ ...goodForm, ...form }, context).ok).toBe(true);
  });

  it("lets a product keep its own slug while it is edited", () => {
    const check = checkProductForm({ ...toProductForm(laddu), price: '65' }, { ...context, existing: laddu });
    expect(check.ok).toBe(true);
  });
});

describe('the document a good form becomes', () => {
  it('is a complete new product with both names of each legacy pair filled', () => {
    const check = checkProductForm(
      { ...goodForm, price: '1,200.50', mrp: '1500', tags: 'savoury, Rice, savoury', images: '/a.jpg\nhttps://cdn.example.com/b.jpg' },
      context,
    );
    expect(check).toEqual({
      ok: true,
      product: {
        id: 'new-product-1',
        _deleted: false,
        createdAt: now,
        updatedAt: now,
        name: 'Pulihora Mix',
        slug: 'pulihora-mix',
        description: 'Tamarind rice mix.',
        price: 1200.5,
        mrp: 1500,
        categoryId: 'cat-prasadam',
        category: 'Prasadam',
        images: ['/a.jpg', 'https://cdn.example.com/b.jpg'],
        imageUrl: '/a.jpg',
        stock: 60,
        totalStock: 60,
        unit: '200 g',
        tags: ['savoury', 'Rice'],
        isActive: true,
        ratingAverage: 0,
        ratingCount: 0,
      },
    });
    if (check.ok) expect(validateDocument('products', check.product).ok).toBe(true);
  });

  it("keeps the stored product's server-owned fields and moves it to another category by name", () => {
    const check = checkProductForm({ ...toProductForm(laddu), categoryId: 'cat-books', stock: '7' }, { ...context, existing: laddu, newId: () => 'never-used' });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.product).toMatchObject({ id: laddu.id, createdAt: created, updatedAt: now, ratingAverage: 4.5, ratingCount: 12, categoryId: 'cat-books', category: 'Books', stock: 7, totalStock: 7 });
  });

  it('drops the optional fields the admin cleared, and the image alias with the last image', () => {
    const check = checkProductForm({ ...toProductForm({ ...laddu, mrp: 80 }), mrp: '', unit: '', images: '' }, { ...context, existing: { ...laddu, mrp: 80 } });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.product.images).toEqual([]);
    expect('mrp' in check.product || 'unit' in check.product || 'imageUrl' in check.product).toBe(false);
  });

  it('refreshes the category name copy after the category was renamed', () => {
    const renamed = [category('cat-prasadam', 'Temple Prasadam'), categories[1]!];
    const check = checkProductForm(toProductForm(laddu), { ...context, categories: renamed, existing: laddu });
    expect(check.ok && check.product.category).toBe('Temple Prasadam');
  });

  it('leaves behind fields that are not in the schema, so the strict schema holds', () => {
    const local = { ...laddu, _meta: { lwt: 1 }, _rev: '1-a' } as unknown as Product;
    const check = checkProductForm(toProductForm(local), { ...context, existing: local });
    expect(check.ok && Object.keys(check.product)).not.toContain('_rev');
  });

  it('is what the server keeps: its alias rules change nothing', () => {
    const check = checkProductForm({ ...toProductForm(laddu), images: '/new.jpg', categoryId: 'cat-books' }, { ...context, existing: laddu });
    expect(check.ok).toBe(true);
    if (check.ok) expect(normalizeProduct(check.product, { previous: laddu, categories })).toEqual({ ok: true, value: check.product });
  });

  it('reports a stored document the schema refuses instead of saving it', () => {
    const broken = { ...laddu, createdAt: 'yesterday' };
    const check = checkProductForm(toProductForm(broken), { ...context, existing: broken });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors.form).toMatch(/^This product cannot be saved: createdAt/);
  });
});

describe('the form from a product', () => {
  it('round-trips a stored product unchanged but for updatedAt', () => {
    const check = checkProductForm(toProductForm(laddu), { ...context, existing: laddu });
    expect(check).toEqual({ ok: true, product: { ...laddu, updatedAt: now } });
  });

  it('starts a new product active, with no stock and nothing else', () => {
    expect(toProductForm()).toMatchObject({ name: '', slug: '', price: '', stock: '0', isActive: true });
  });
});

describe('toggleActive', () => {
  it.each([true, false])('turns isActive %s around and stamps the time', (isActive) => {
    expect(toggleActive({ ...laddu, isActive }, now)).toEqual({ ...laddu, isActive: !isActive, updatedAt: now });
  });
});
