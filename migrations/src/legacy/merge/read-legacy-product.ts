/**
 * One legacy product document (either backend's) to the platform's field names, before any
 * merging: which legacy names map to which field, how prices and flags are parsed, which fields
 * are left behind (they stay in the `_backup` collections). Pure; every problem names the document.
 */
import { idSchema } from '@oa/schema';
import type { Problem } from '../../errors';
import type { LegacyRecord } from '../legacy-record';
import { parsePrice } from './parse-price';

export type ProductSide = 'admin' | 'user';

/** The catalogue fields a legacy product can bring; absent ones are left undefined. */
export interface LegacyProductFields {
  name?: string;
  slug?: string;
  description?: string;
  price?: number;
  mrp?: number;
  /** A category name or a legacy category id, resolved later against the categories. */
  category?: string;
  images?: string[];
  stock?: number;
  unit?: string;
  tags?: string[];
  isActive?: boolean;
  ratingAverage?: number;
  ratingCount?: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface LegacyProduct {
  readonly side: ProductSide;
  readonly where: string;
  /** The legacy `_id` (an ObjectId's hex), which becomes the platform `id`. */
  readonly id: string;
  readonly fields: LegacyProductFields;
  /** Legacy field names not carried over (kept in the backups). */
  readonly dropped: readonly string[];
}

/** Legacy names per platform field, first present wins (admin backend's camelCase, user backend's snake_case). */
export const productFieldNames = {
  name: ['name', 'title', 'productName'],
  slug: ['slug'],
  description: ['description', 'desc'],
  price: ['price', 'sellingPrice', 'selling_price'],
  mrp: ['mrp', 'originalPrice', 'original_price', 'compareAtPrice'],
  category: ['categoryId', 'category_id', 'category'],
  images: ['images', 'imageUrl', 'image_url', 'image'],
  stock: ['stock', 'totalStock', 'total_stock', 'countInStock', 'quantity'],
  unit: ['unit', 'weight'],
  tags: ['tags'],
  isActive: ['isActive', 'is_active', 'active'],
  ratingAverage: ['ratingAverage', 'rating', 'averageRating', 'avgRating'],
  ratingCount: ['ratingCount', 'numReviews', 'reviewCount', 'reviewsCount'],
  createdAt: ['createdAt', 'created_at'],
  updatedAt: ['updatedAt', 'updated_at'],
} as const satisfies Record<keyof LegacyProductFields, readonly string[]>;

const known = new Set<string>(['_id', '__v', 'id', ...Object.values(productFieldNames).flat()]);

export function readLegacyProduct(record: LegacyRecord, side: ProductSide): { product?: LegacyProduct; problems: Problem[] } {
  const { doc } = record;
  const rawId = doc._id ?? doc.id;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
  const where = id ? `${record.where} (_id ${id})` : record.where;
  const problems: Problem[] = [];
  const problem = (code: Problem['code'], message: string): void => {
    problems.push({ code, where, message });
  };
  if (id === undefined) problem('MISSING_FIELD', 'no _id');
  else if (!idSchema.safeParse(id).success) problem('INVALID_FIELD', `_id ${JSON.stringify(id)} cannot be a platform id (letters, digits, "-", "_", at most 64)`);

  const pick = (names: readonly string[]): [string, unknown] | undefined => {
    for (const name of names) {
      const value = doc[name];
      if (value !== undefined && value !== null && value !== '') return [name, value];
    }
    return undefined;
  };
  const fields: LegacyProductFields = {};

  const text = (field: 'name' | 'slug' | 'description' | 'unit'): void => {
    const found = pick(productFieldNames[field]);
    if (!found) return;
    if (typeof found[1] === 'string' || typeof found[1] === 'number') fields[field] = String(found[1]).trim();
    else problem('INVALID_FIELD', `${found[0]} is not text`);
  };
  text('name');
  text('slug');
  text('description');
  text('unit');

  for (const field of ['price', 'mrp'] as const) {
    const found = pick(productFieldNames[field]);
    if (!found) continue;
    const parsed = parsePrice(found[1]);
    if (parsed.ok) fields[field] = parsed.value;
    else problem('UNPARSEABLE_PRICE', `${found[0]} ${JSON.stringify(found[1])}: ${parsed.reason}`);
  }

  const category = pick(productFieldNames.category);
  if (category) {
    const value = category[1];
    // A populated reference ({ _id, name }) counts as its name.
    const ref = typeof value === 'object' && value !== null && !Array.isArray(value) ? ((value as Record<string, unknown>).name ?? (value as Record<string, unknown>)._id) : value;
    if (typeof ref === 'string' && ref.trim() !== '') fields.category = ref.trim();
    else problem('INVALID_FIELD', `${category[0]} is neither a category name nor a category id`);
  }

  const images = pick(productFieldNames.images);
  if (images) {
    const list = Array.isArray(images[1]) ? images[1] : [images[1]];
    const urls = list.filter((url) => url !== null && url !== '').map(toImageUrl);
    const bad = urls.filter((url) => url === undefined).length;
    if (bad > 0) problem('INVALID_FIELD', `${images[0]} holds ${bad} image reference(s) that are not http(s) URLs or paths`);
    else fields.images = urls as string[];
  }

  const stock = pick(productFieldNames.stock);
  if (stock) {
    const n = typeof stock[1] === 'string' && /^\s*\d+\s*$/.test(stock[1]) ? Number(stock[1]) : stock[1];
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1_000_000) fields.stock = n;
    else problem('INVALID_FIELD', `${stock[0]} ${JSON.stringify(stock[1])} is not a whole number from 0 to 1,000,000`);
  }

  const tags = pick(productFieldNames.tags);
  if (tags) {
    if (Array.isArray(tags[1]) && tags[1].every((tag) => typeof tag === 'string')) fields.tags = [...new Set((tags[1] as string[]).map((t) => t.trim()).filter(Boolean))];
    else if (typeof tags[1] === 'string') fields.tags = tags[1].split(',').map((t) => t.trim()).filter(Boolean);
    else problem('INVALID_FIELD', 'tags is not a list of words');
  }

  const active = pick(productFieldNames.isActive);
  if (active) {
    const flag = toFlag(active[1]);
    if (flag === undefined) problem('INVALID_FIELD', `${active[0]} ${JSON.stringify(active[1])} is not true or false`);
    else fields.isActive = flag;
  }

  const rating = pick(productFieldNames.ratingAverage);
  if (rating) {
    if (typeof rating[1] === 'number' && rating[1] >= 0 && rating[1] <= 5) fields.ratingAverage = rating[1];
    else problem('INVALID_FIELD', `${rating[0]} ${JSON.stringify(rating[1])} is not a rating from 0 to 5`);
  }
  const count = pick(productFieldNames.ratingCount);
  if (count) {
    if (typeof count[1] === 'number' && Number.isInteger(count[1]) && count[1] >= 0) fields.ratingCount = count[1];
    else problem('INVALID_FIELD', `${count[0]} ${JSON.stringify(count[1])} is not a count`);
  }

  for (const field of ['createdAt', 'updatedAt'] as const) {
    const found = pick(productFieldNames[field]);
    // An unreadable timestamp is not worth refusing a product for: the id's time stands in.
    if (found && typeof found[1] === 'string' && !Number.isNaN(Date.parse(found[1]))) fields[field] = new Date(found[1]).toISOString();
  }

  const dropped = Object.keys(doc).filter((key) => !known.has(key));
  if (problems.length > 0 || id === undefined) return { problems };
  return { product: { side, where, id, fields, dropped }, problems };
}

/** http(s) URLs as they are; a relative path ("uploads/x.jpg") becomes same-origin ("/uploads/x.jpg"). */
function toImageUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  if (/^https?:\/\/\S+$/.test(url) || /^\/\S*$/.test(url)) return url;
  // Anything with a scheme (javascript:, data:, ftp:) is refused: an image URL must never run code.
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || /\s/.test(url)) return undefined;
  return `/${url.replace(/^\.\//, '')}`;
}

function toFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 'true' || value === '1' || value === 'active') return true;
  if (value === 0 || value === 'false' || value === '0' || value === 'inactive') return false;
  return undefined;
}

/** When an ObjectId was made (its first four bytes are seconds since 1970): a legacy document's birth. */
export function objectIdTime(id: string): string | undefined {
  if (!/^[0-9a-f]{24}$/.test(id)) return undefined;
  return new Date(Number.parseInt(id.slice(0, 8), 16) * 1000).toISOString();
}
