/**
 * The product editor's pure rules: the form's values as typed (strings), and the check that turns
 * them into a complete products document the server will accept, with one message per field that
 * says what to fix. Also the slug made from a name and the activate/deactivate switch.
 * No React, no RxDB: the clock and the id generator are passed in.
 */
import { keepSchemaFields, toggleIsActive, toRefusalErrors } from '../catalogue/document-form.logic';
import { moneySchema, productSchema, slugSchema, stockSchema, urlSchema, validateDocument, type Category, type Product } from '@oa/schema';

export interface ProductForm {
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  /** Rupees as typed: "60", "99.50", "1,20,000". */
  readonly price: string;
  /** Empty when the product has no printed price above what the shop charges. */
  readonly mrp: string;
  readonly categoryId: string;
  readonly stock: string;
  readonly unit: string;
  /** Comma-separated. */
  readonly tags: string;
  /** One URL per line; the first is the product's main picture. */
  readonly images: string;
  readonly isActive: boolean;
}

/** Per field, what to fix; `form` holds a problem no single field owns (a document the schema still refuses). */
export type ProductFormErrors = Partial<Record<keyof ProductForm | 'form', string>>;

export type ProductCheck =
  | { readonly ok: true; readonly product: Product }
  | { readonly ok: false; readonly errors: ProductFormErrors };

export interface ProductCheckContext {
  /** The stored product being edited; absent when creating one. */
  readonly existing?: Product | undefined;
  /** Every product, to keep slugs unique (the server's index refuses a duplicate). */
  readonly products: readonly Pick<Product, 'id' | 'slug'>[];
  readonly categories: readonly Category[];
  readonly newId: () => string;
  /** ISO-8601 instant, like 2026-11-24T07:00:00.000Z. */
  readonly now: string;
}

export const productMessages = {
  name: 'Enter the name shoppers will see',
  nameTooLong: 'Keep the name to 200 characters',
  slug: 'The slug is lowercase words joined by -',
  slugTaken: 'Another product already uses this slug',
  description: 'Keep the description to 5,000 characters',
  price: 'Enter a price in rupees, like 60 or 99.50',
  mrp: 'Enter the MRP in rupees, like 60 or 99.50, or leave it empty',
  mrpBelowPrice: 'MRP must be at least the price',
  category: 'Choose a category',
  categoryGone: 'That category no longer exists',
  stock: 'Stock is a whole number from 0',
  stockTooHigh: 'Stock is a whole number from 0 to 10,00,000',
  unit: 'Keep the unit to 40 characters, like 250 g',
  tags: 'Up to 20 tags of at most 40 characters each, separated by commas',
  imageCount: 'Up to 10 images, one URL per line',
} as const;

const emptyForm: ProductForm = {
  name: '',
  slug: '',
  description: '',
  price: '',
  mrp: '',
  categoryId: '',
  stock: '0',
  unit: '',
  tags: '',
  images: '',
  isActive: true,
};

/** A stored product back into the form's fields, or a blank form (active, no stock) for a new one. */
export function toProductForm(product?: Product): ProductForm {
  if (!product) return emptyForm;
  return {
    name: product.name,
    slug: product.slug,
    description: product.description,
    price: String(product.price),
    mrp: product.mrp === undefined ? '' : String(product.mrp),
    categoryId: product.categoryId,
    stock: String(product.stock),
    unit: product.unit ?? '',
    tags: product.tags.join(', '),
    images: product.images.join('\n'),
    isActive: product.isActive,
  };
}

/** The schema's cap: a slug made from a long name is cut to fit. */
const slugMaxLength = slugSchema.maxLength ?? 120;

/** "Pulihora Mix (Spicy)" → "pulihora-mix-spicy", "Crème Brûlée" → "creme-brulee"; letters outside ASCII are dropped. */
export function toSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, slugMaxLength)
    .replace(/-+$/, '');
}

export function isSlug(value: string): boolean {
  return slugSchema.safeParse(value).success;
}

/**
 * Rupees as an admin types them: "60", "99.50", "₹ 1,20,000". Commas are taken only where they
 * group digits (Indian or international style), so "1,5" is refused rather than read as 15.
 * At most two decimals: paise are the smallest unit the shop charges.
 */
export function parseRupees(text: string): number | undefined {
  const trimmed = text.trim().replace(/^₹\s*/, '');
  const plain = /^\d+(?:\.\d{1,2})?$/;
  const grouped = /^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3})(?:\.\d{1,2})?$/;
  if (!plain.test(trimmed) && !grouped.test(trimmed)) return undefined;
  const amount = Number(trimmed.replace(/,/g, ''));
  return moneySchema.safeParse(amount).success ? amount : undefined;
}

function toList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Tags once each (the first spelling wins), in the order typed. */
function toTags(text: string): string[] {
  const seen = new Set<string>();
  return toList(text, /,/).filter((tag) => {
    const key = tag.toLocaleLowerCase('en');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The image lines of the form as a list (blank lines dropped), and back. */
export function toImageList(images: string): string[] {
  return toList(images, /\n/);
}

export function toImageLines(images: readonly string[]): string {
  return images.join('\n');
}

/** Up to this many images per product (the schema's limit). */
export const maxProductImages = 10;

function checkImages(images: readonly string[]): string | undefined {
  if (images.length > maxProductImages) return productMessages.imageCount;
  // The schema's urlSchema: never `javascript:` or `data:` in an image's src.
  const bad = images.findIndex((url) => !urlSchema.safeParse(url).success);
  if (bad === -1) return undefined;
  const where = images.length > 1 ? `Line ${bad + 1}: an` : 'An';
  return `${where} image URL starts with http://, https:// or /`;
}

// Where the schema's field paths land on the form, for the last check's rare refusals.
const formFieldOf: Record<string, keyof ProductForm> = {
  name: 'name',
  slug: 'slug',
  description: 'description',
  price: 'price',
  mrp: 'mrp',
  categoryId: 'categoryId',
  category: 'categoryId',
  stock: 'stock',
  totalStock: 'stock',
  unit: 'unit',
  tags: 'tags',
  images: 'images',
  imageUrl: 'images',
  isActive: 'isActive',
};

const productKeys = Object.keys(productSchema.shape) as (keyof Product)[];

/** The form checked field by field, then built into a whole document and checked against the schema. */
export function checkProductForm(form: ProductForm, context: ProductCheckContext): ProductCheck {
  const { existing } = context;
  const errors: ProductFormErrors = {};

  const name = form.name.trim();
  if (name === '') errors.name = productMessages.name;
  else if (name.length > 200) errors.name = productMessages.nameTooLong;

  const slug = form.slug.trim();
  if (!isSlug(slug)) errors.slug = productMessages.slug;
  else if (context.products.some((other) => other.slug === slug && other.id !== existing?.id)) errors.slug = productMessages.slugTaken;

  const description = form.description.trim();
  if (description.length > 5000) errors.description = productMessages.description;

  const price = parseRupees(form.price);
  if (price === undefined) errors.price = productMessages.price;

  const mrp = form.mrp.trim() === '' ? undefined : parseRupees(form.mrp);
  if (form.mrp.trim() !== '' && mrp === undefined) errors.mrp = productMessages.mrp;
  else if (mrp !== undefined && price !== undefined && mrp < price) errors.mrp = productMessages.mrpBelowPrice;

  const category = context.categories.find((c) => c.id === form.categoryId && !c._deleted);
  if (form.categoryId === '') errors.categoryId = productMessages.category;
  else if (!category) errors.categoryId = productMessages.categoryGone;

  const stockText = form.stock.trim();
  const stock = /^\d+$/.test(stockText) ? Number(stockText) : undefined;
  if (stock === undefined) errors.stock = productMessages.stock;
  else if (!stockSchema.safeParse(stock).success) errors.stock = productMessages.stockTooHigh;

  const unit = form.unit.trim();
  if (unit.length > 40) errors.unit = productMessages.unit;

  const tags = toTags(form.tags);
  if (tags.length > 20 || tags.some((tag) => tag.length > 40)) errors.tags = productMessages.tags;

  const images = toList(form.images, /\r?\n/);
  const imageProblem = checkImages(images);
  if (imageProblem) errors.images = imageProblem;

  if (Object.keys(errors).length > 0 || price === undefined || stock === undefined || !category) return { ok: false, errors };

  // Only the schema's own fields of the stored document travel on: the server-owned ones
  // (id, createdAt, ratings) are kept as they are, anything else a local copy carries is left behind.
  const { mrp: _mrp, unit: _unit, imageUrl: _imageUrl, ...base } = keepSchemaFields(existing, productKeys);
  const product: Product = {
    ratingAverage: 0,
    ratingCount: 0,
    ...base,
    id: existing?.id ?? context.newId(),
    _deleted: false,
    createdAt: existing?.createdAt ?? context.now,
    updatedAt: context.now,
    name,
    slug,
    description,
    price,
    ...(mrp !== undefined ? { mrp } : {}),
    // Both names of each legacy pair are written, so the server's alias check sees them agree.
    categoryId: category.id,
    category: category.name,
    images,
    ...(images[0] !== undefined ? { imageUrl: images[0] } : {}),
    stock,
    totalStock: stock,
    ...(unit !== '' ? { unit } : {}),
    tags,
    isActive: form.isActive,
  };

  const valid = validateDocument('products', product);
  if (valid.ok) return { ok: true, product };
  return { ok: false, errors: toRefusalErrors(valid.error, (path) => formFieldOf[path], 'product') };
}

/** Deactivating hides a product from shoppers without deleting it; activating shows it again. */
export const toggleActive = (product: Product, now: string): Product => toggleIsActive(product, now);
