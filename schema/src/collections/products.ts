/**
 * Products: the catalogue. Legacy pairs kept in step on every save: stock/totalStock,
 * imageUrl/images[0], category (a name)/categoryId (a reference).
 */
import { z } from 'zod';
import { aliasConflict, isFields, notAnObject, type AliasResult, type Fields } from '../aliases/alias-result';
import { pickAliasWinner } from '../aliases/pick-alias-winner';
import { chainAliases, syncSimplePair } from '../aliases/sync-simple-pair';
import { documentFields, idSchema, moneySchema, slugSchema, stockSchema, urlSchema } from '../fields';
import type { IndexSpec } from './index-spec';

export const productVersion = 0;

export const productSchema = z.strictObject({
  ...documentFields,
  name: z.string().min(1).max(200),
  slug: slugSchema,
  description: z.string().max(5000),
  price: moneySchema,
  /** The printed price (MRP) when the shop sells below it. */
  mrp: moneySchema.optional(),
  categoryId: idSchema,
  category: z.string().min(1).max(100),
  images: z.array(urlSchema).max(10),
  imageUrl: urlSchema.optional(),
  stock: stockSchema,
  totalStock: stockSchema,
  unit: z.string().max(40).optional(),
  tags: z.array(z.string().min(1).max(40)).max(20),
  isActive: z.boolean(),
  /** Kept by the server from approved, undeleted reviews. */
  ratingAverage: z.number().min(0).max(5),
  ratingCount: z.int().min(0),
});
export type Product = z.infer<typeof productSchema>;

export const productIndexes: readonly IndexSpec[] = [
  { name: 'products_name', fields: [['name', 1]] },
  { name: 'products_slug', fields: [['slug', 1]], unique: true },
  { name: 'products_categoryId', fields: [['categoryId', 1]] },
  { name: 'products_isActive', fields: [['isActive', 1]] },
];

export interface CategoryRef {
  readonly id: string;
  readonly name: string;
}

export interface ProductAliasContext {
  /** The stored product this write replaces, if any: on a disagreement, the side that changed wins. */
  readonly previous?: Fields | undefined;
  /** Categories to resolve `category` (a name) and `categoryId` (a reference) against. */
  readonly categories: readonly CategoryRef[];
}

export function normalizeProduct(input: unknown, context: ProductAliasContext): AliasResult {
  if (!isFields(input)) return notAnObject();
  const { previous, categories } = context;
  return chainAliases(input, [
    (doc) => syncSimplePair(doc, previous, 'stock', 'totalStock'),
    (doc) => syncImageUrl(doc, previous),
    (doc) => syncCategory(doc, previous, categories),
  ]);
}

/** `imageUrl` is `images[0]`; an empty `images` list means "no image" (null on that side). */
function syncImageUrl(doc: Fields, previous: Fields | undefined): AliasResult {
  const firstImage = (d: Fields): unknown =>
    d.images === undefined ? undefined : Array.isArray(d.images) ? (d.images[0] ?? null) : d.images;
  if (doc.images !== undefined && !Array.isArray(doc.images)) return { ok: true, value: doc };
  const winner = pickAliasWinner(
    doc.imageUrl,
    firstImage(doc),
    previous && { a: previous.imageUrl, b: firstImage(previous) },
  );
  const images = (doc.images as unknown[] | undefined) ?? [];
  switch (winner) {
    case 'conflict':
      return aliasConflict('imageUrl', 'images[0]');
    case 'a':
      return { ok: true, value: { ...doc, images: [doc.imageUrl, ...images.slice(1)] } };
    case 'b': {
      const { imageUrl: _dropped, ...rest } = doc;
      return { ok: true, value: images.length > 0 ? { ...rest, imageUrl: images[0] } : rest };
    }
    default:
      return { ok: true, value: doc };
  }
}

function isSameName(x: string, y: string): boolean {
  return x.trim().toLocaleLowerCase('en') === y.trim().toLocaleLowerCase('en');
}

/**
 * `categoryId` is the reference and `category` a copy of that category's name. When they
 * disagree on an update, the side the writer changed wins; when neither changed (the category
 * was renamed since), the reference wins and the copy is refreshed.
 */
function syncCategory(doc: Fields, previous: Fields | undefined, categories: readonly CategoryRef[]): AliasResult {
  const id = doc.categoryId;
  const name = doc.category;
  if (id === undefined && name === undefined) return { ok: true, value: doc };
  if ((id !== undefined && typeof id !== 'string') || (name !== undefined && typeof name !== 'string')) {
    return { ok: true, value: doc }; // wrong types: the schema refuses them with a field-level message
  }
  const byId = id === undefined ? undefined : categories.find((c) => c.id === id);
  const byName = name === undefined ? undefined : categories.find((c) => isSameName(c.name, name));
  const withCategory = (ref: CategoryRef): AliasResult => ({
    ok: true,
    value: { ...doc, categoryId: ref.id, category: ref.name },
  });

  if (id === undefined) return byName ? withCategory(byName) : unknownCategory('category', String(name));
  if (name === undefined) return byId ? withCategory(byId) : unknownCategory('categoryId', id);
  if (byId && isSameName(byId.name, name)) return withCategory(byId);

  // They disagree. The winner is decided before either side is resolved: a writer who changes the
  // name of a product whose stored reference is gone (its category was deleted) is moving it to
  // the named category, not referring to the missing one.
  const idChanged = previous?.categoryId !== id;
  const nameChanged = previous?.category !== name;
  if (previous && !nameChanged) return byId ? withCategory(byId) : unknownCategory('categoryId', id);
  if (previous && !idChanged) return byName ? withCategory(byName) : unknownCategory('category', name);
  if (!byId) return unknownCategory('categoryId', id);
  return aliasConflict('category', 'categoryId', ` ("${name}" is not the name of category "${id}")`);
}

function unknownCategory(field: string, value: string): AliasResult {
  return {
    ok: false,
    error: { code: 'UNKNOWN_REFERENCE', fields: [field], message: `no category matches ${field} "${value}"` },
  };
}
