/**
 * The category editor's pure rules: the form's values as typed, the check that turns them into a
 * complete categories document (slug and name unique among categories), the switch that
 * (de)activates one, and the refusal to delete a category that products still use.
 * No React, no RxDB: the clock and the id generator are passed in.
 */
import { keepSchemaFields, toggleIsActive, toRefusalErrors } from '../catalogue/document-form.logic';
import { categorySchema, compareCategories, validateDocument, type Category, type Product } from '@oa/schema';
import { isSlug } from '../products/product-form.logic';

export interface CategoryForm {
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  /** Where it stands in the shop's list, smallest first: a whole number as typed. */
  readonly sortOrder: string;
  readonly isActive: boolean;
}

/** Per field, what to fix; `form` holds a problem no single field owns (a document the schema still refuses). */
export type CategoryFormErrors = Partial<Record<keyof CategoryForm | 'form', string>>;

export type CategoryCheck =
  | { readonly ok: true; readonly category: Category }
  | { readonly ok: false; readonly errors: CategoryFormErrors };

export interface CategoryCheckContext {
  /** The stored category being edited; absent when adding one. */
  readonly existing?: Category | undefined;
  /** Every category, to keep slugs and names unique. */
  readonly categories: readonly Pick<Category, 'id' | 'slug' | 'name'>[];
  readonly newId: () => string;
  /** ISO-8601 instant, like 2026-11-24T07:00:00.000Z. */
  readonly now: string;
}

export const categoryMessages = {
  name: 'Enter the name shoppers will see',
  nameTooLong: 'Keep the name to 100 characters',
  nameTaken: 'Another category already has this name',
  slug: 'The slug is lowercase words joined by -',
  slugTaken: 'Another category already uses this slug',
  description: 'Keep the description to 1,000 characters',
  sortOrder: 'Sort order is a whole number from 0 to 10,000',
} as const;

/** A stored category back into the form, or a blank active one placed after the others. */
export function toCategoryForm(category: Category | undefined, nextSortOrder = 0): CategoryForm {
  if (!category) return { name: '', slug: '', description: '', sortOrder: String(nextSortOrder), isActive: true };
  return {
    name: category.name,
    slug: category.slug,
    description: category.description ?? '',
    sortOrder: String(category.sortOrder),
    isActive: category.isActive,
  };
}

/** One after the largest sort order in use (0 for the first), within the schema's cap. */
export function toNextSortOrder(categories: readonly Pick<Category, 'sortOrder'>[]): number {
  return Math.min(10_000, categories.reduce((next, c) => Math.max(next, c.sortOrder + 1), 0));
}

const isSameName = (a: string, b: string) => a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');

const categoryKeys = Object.keys(categorySchema.shape) as (keyof Category)[];
const formFields = new Set<string>(['name', 'slug', 'description', 'sortOrder', 'isActive']);

export function checkCategoryForm(form: CategoryForm, context: CategoryCheckContext): CategoryCheck {
  const { existing } = context;
  const others = context.categories.filter((c) => c.id !== existing?.id);
  const errors: CategoryFormErrors = {};

  const name = form.name.trim();
  if (name === '') errors.name = categoryMessages.name;
  else if (name.length > 100) errors.name = categoryMessages.nameTooLong;
  // Products carry their category's name as a legacy copy, and the server resolves a product
  // written with only that name by it: two categories with one name would make that ambiguous.
  else if (others.some((c) => isSameName(c.name, name))) errors.name = categoryMessages.nameTaken;

  const slug = form.slug.trim();
  if (!isSlug(slug)) errors.slug = categoryMessages.slug;
  else if (others.some((c) => c.slug === slug)) errors.slug = categoryMessages.slugTaken;

  const description = form.description.trim();
  if (description.length > 1000) errors.description = categoryMessages.description;

  const sortText = form.sortOrder.trim();
  const sortOrder = /^\d{1,5}$/.test(sortText) ? Number(sortText) : undefined;
  if (sortOrder === undefined || sortOrder > 10_000) errors.sortOrder = categoryMessages.sortOrder;

  if (Object.keys(errors).length > 0 || sortOrder === undefined) return { ok: false, errors };

  // Only the schema's fields of the stored document travel on (imageUrl, which this form does
  // not edit, is kept); anything else a local copy carries is left behind.
  const { description: _description, ...base } = keepSchemaFields(existing, categoryKeys);
  const category: Category = {
    ...base,
    id: existing?.id ?? context.newId(),
    _deleted: false,
    createdAt: existing?.createdAt ?? context.now,
    updatedAt: context.now,
    name,
    slug,
    ...(description !== '' ? { description } : {}),
    sortOrder,
    isActive: form.isActive,
  };

  const valid = validateDocument('categories', category);
  if (valid.ok) return { ok: true, category };
  return { ok: false, errors: toRefusalErrors(valid.error, (path) => (formFields.has(path) ? (path as keyof CategoryForm) : undefined), 'category') };
}

/** Deactivating hides a category from shoppers without deleting it; activating shows it again. */
export const toggleCategoryActive = (category: Category, now: string): Category => toggleIsActive(category, now);

export function countProductsIn(categoryId: string, products: readonly Pick<Product, 'categoryId'>[]): number {
  return products.filter((product) => product.categoryId === categoryId).length;
}

/** Products per category, counted in one pass (a list of categories needs them all). */
export function countProductsByCategory(products: readonly Pick<Product, 'categoryId'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const product of products) counts.set(product.categoryId, (counts.get(product.categoryId) ?? 0) + 1);
  return counts;
}

/** The live categories in the order they are shown. */
export function sortCategories<C extends Pick<Category, 'sortOrder' | 'name' | '_deleted'>>(categories: readonly C[]): C[] {
  return categories.filter((category) => !category._deleted).sort(compareCategories);
}

/**
 * Why a category cannot be deleted yet, or undefined when it can: products still in it would be
 * left pointing at nothing (and every later save of them refused), so they move first.
 */
export function toDeleteRefusal(category: Pick<Category, 'id' | 'name'>, products: readonly Pick<Product, 'categoryId'>[]): string | undefined {
  return toDeleteRefusalFor(category.name, countProductsIn(category.id, products));
}

/** The same, from a count already made. */
export function toDeleteRefusalFor(categoryName: string, count: number): string | undefined {
  if (count === 0) return undefined;
  return count === 1 ? `1 product is in ${categoryName}: move it first` : `${count} products are in ${categoryName}: move them first`;
}
