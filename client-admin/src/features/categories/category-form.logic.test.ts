/**
 * The category form's rules, table by table: what each field accepts, the message for what it
 * refuses, the complete document a good form becomes, and when a category may be deleted.
 */
import { validateDocument, type Category } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { books, created, now, prasadam, toCategory } from '../products/test-fixtures';
import {
  checkCategoryForm,
  countProductsIn,
  toCategoryForm,
  toDeleteRefusal,
  toggleCategoryActive,
  toNextSortOrder,
  type CategoryForm,
} from './category-form.logic';

const goodForm: CategoryForm = { name: 'Pooja Items', slug: 'pooja-items', description: 'Everything for a home pooja.', sortOrder: '2', isActive: true };
const context = { categories: [prasadam, books], newId: () => 'new-category-1', now };
const errorsOf = (form: Partial<CategoryForm>, extra: Partial<Parameters<typeof checkCategoryForm>[1]> = {}) => {
  const check = checkCategoryForm({ ...goodForm, ...form }, { ...context, ...extra });
  return check.ok ? {} : check.errors;
};

describe('the category form, field by field', () => {
  it.each<[string, Partial<CategoryForm>, Partial<Record<keyof CategoryForm, string>>]>([
    ['an empty name', { name: ' ' }, { name: 'Enter the name shoppers will see' }],
    ['a name over 100 characters', { name: 'n'.repeat(101) }, { name: 'Keep the name to 100 characters' }],
    ["another category's name, in other case", { name: ' prasadam ' }, { name: 'Another category already has this name' }],
    ['a slug with capitals', { slug: 'Pooja' }, { slug: 'The slug is lowercase words joined by -' }],
    ['an empty slug', { slug: '' }, { slug: 'The slug is lowercase words joined by -' }],
    ["another category's slug", { slug: 'books' }, { slug: 'Another category already uses this slug' }],
    ['a negative sort order', { sortOrder: '-1' }, { sortOrder: 'Sort order is a whole number from 0 to 10,000' }],
    ['a fractional sort order', { sortOrder: '1.5' }, { sortOrder: 'Sort order is a whole number from 0 to 10,000' }],
    ['a sort order above the cap', { sortOrder: '10001' }, { sortOrder: 'Sort order is a whole number from 0 to 10,000' }],
    ['an empty sort order', { sortOrder: '' }, { sortOrder: 'Sort order is a whole number from 0 to 10,000' }],
    ['a description over 1,000 characters', { description: 'd'.repeat(1001) }, { description: 'Keep the description to 1,000 characters' }],
  ])('refuses %s', (_case, form, errors) => {
    expect(errorsOf(form)).toEqual(errors);
  });

  it('lets a category keep its own name and slug while it is edited', () => {
    expect(checkCategoryForm({ ...toCategoryForm(books), sortOrder: '5' }, { ...context, existing: books }).ok).toBe(true);
  });
});

describe('the document a good form becomes', () => {
  it('is a complete new category', () => {
    const check = checkCategoryForm({ ...goodForm, name: ' Pooja Items ' }, context);
    expect(check).toEqual({
      ok: true,
      category: { id: 'new-category-1', _deleted: false, createdAt: now, updatedAt: now, name: 'Pooja Items', slug: 'pooja-items', description: 'Everything for a home pooja.', sortOrder: 2, isActive: true },
    });
    if (check.ok) expect(validateDocument('categories', check.category).ok).toBe(true);
  });

  it("keeps the stored category's id, creation time and image, and drops a cleared description", () => {
    const stored: Category = { ...books, description: 'Stotras.', imageUrl: '/images/books.jpg' };
    const check = checkCategoryForm({ ...toCategoryForm(stored), description: '', isActive: false }, { ...context, existing: stored });
    expect(check).toEqual({
      ok: true,
      category: { id: 'cat-books', _deleted: false, createdAt: created, updatedAt: now, name: 'Books', slug: 'books', imageUrl: '/images/books.jpg', sortOrder: 3, isActive: false },
    });
  });

  it('reports a stored document the schema refuses instead of saving it', () => {
    const broken = { ...books, imageUrl: 'javascript:alert(1)' };
    const check = checkCategoryForm(toCategoryForm(broken), { ...context, existing: broken });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors.form).toMatch(/^This category cannot be saved: imageUrl/);
  });
});

describe('sort order of a new category', () => {
  it.each<[number[], number]>([
    [[], 0],
    [[1, 3], 4],
    [[10_000], 10_000],
  ])('after %j comes %s', (orders, next) => {
    expect(toNextSortOrder(orders.map((sortOrder) => ({ sortOrder })))).toBe(next);
    expect(toCategoryForm(undefined, next).sortOrder).toBe(String(next));
  });
});

describe('deleting a category', () => {
  const products = [{ categoryId: 'cat-prasadam' }, { categoryId: 'cat-prasadam' }, { categoryId: 'cat-books' }];
  it.each<[Category, string | undefined]>([
    [prasadam, '2 products are in Prasadam: move them first'],
    [books, '1 product is in Books: move it first'],
    [toCategory('cat-empty', 'Empty'), undefined],
  ])('%#: %s', (category, refusal) => {
    expect(toDeleteRefusal(category, products)).toBe(refusal);
  });

  it('counts the products in a category', () => {
    expect(countProductsIn('cat-prasadam', products)).toBe(2);
  });
});

describe('toggleCategoryActive', () => {
  it.each([true, false])('turns isActive %s around and stamps the time', (isActive) => {
    expect(toggleCategoryActive({ ...books, isActive }, now)).toEqual({ ...books, isActive: !isActive, updatedAt: now });
  });
});
