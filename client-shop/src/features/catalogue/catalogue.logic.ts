/**
 * The catalogue's pure rules: how a price and a stock level read to a shopper, which products a
 * search, a category filter and a sort show, a page at a time, that query as the shop page's query
 * string (so Back, a reload and a shared link keep it), and how many of a product the cart may hold.
 * No React, no RxDB, no history API: plain data in, data out.
 */
import { matchesAllWords, toSearchWords } from '@oa/client-sync';
import { compareCategories } from '@oa/schema';
import { maxQuantity } from '../cart/cart.logic';

/** What the list needs of a product (a subset of @oa/schema's Product). */
export interface CatalogueProduct {
  readonly id: string;
  readonly name: string;
  readonly price: number;
  readonly mrp?: number | undefined;
  readonly stock: number;
  readonly categoryId: string;
  readonly unit?: string | undefined;
  readonly imageUrl?: string | undefined;
  readonly images?: readonly string[] | undefined;
  readonly description?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly slug?: string | undefined;
  readonly ratingAverage?: number | undefined;
  readonly ratingCount?: number | undefined;
  readonly createdAt?: string | undefined;
}

export interface CatalogueCategory {
  readonly id: string;
  readonly name: string;
  readonly sortOrder: number;
}

/** Below this many, the shopper is told how few are left. */
export const lowStockThreshold = 10;

export type StockState = 'in-stock' | 'low' | 'out';

export function toStockState(stock: number): StockState {
  if (stock <= 0) return 'out';
  return stock < lowStockThreshold ? 'low' : 'in-stock';
}

export function toStockLabel(stock: number): string {
  switch (toStockState(stock)) {
    case 'out':
      return 'Out of stock';
    case 'low':
      return `Only ${stock} left`;
    case 'in-stock':
      return 'In stock';
  }
}

export const sortOrders = ['name', 'price-asc', 'price-desc', 'rating', 'newest'] as const;
export type SortOrder = (typeof sortOrders)[number];

export const sortLabels: Record<SortOrder, string> = {
  name: 'Name',
  'price-asc': 'Price: low to high',
  'price-desc': 'Price: high to low',
  rating: 'Best rated',
  newest: 'Newest',
};

export interface ProductQuery {
  /** Words to find in the name, tags, unit or description; every word must match. */
  readonly search?: string | undefined;
  /** One category; all when undefined. */
  readonly categoryId?: string | undefined;
  readonly sort?: SortOrder | undefined;
}

const matchesAll = (product: CatalogueProduct, words: readonly string[]): boolean =>
  words.length === 0 || matchesAllWords([product.name, product.unit ?? '', product.description ?? '', ...(product.tags ?? [])].join(' '), words);

/** One collator for every comparison: sorting thousands of products with localeCompare would build one per call. */
const collator = new Intl.Collator('en-IN');
const byName = (a: CatalogueProduct, b: CatalogueProduct): number => collator.compare(a.name, b.name);

const comparators: Record<SortOrder, (a: CatalogueProduct, b: CatalogueProduct) => number> = {
  name: byName,
  'price-asc': (a, b) => a.price - b.price || byName(a, b),
  'price-desc': (a, b) => b.price - a.price || byName(a, b),
  rating: (a, b) => (b.ratingAverage ?? 0) - (a.ratingAverage ?? 0) || (b.ratingCount ?? 0) - (a.ratingCount ?? 0) || byName(a, b),
  newest: (a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || byName(a, b),
};

/** The products a query shows, in its order (by name unless it says otherwise). */
export function selectProducts<P extends CatalogueProduct>(products: readonly P[], query: ProductQuery = {}): P[] {
  const words = toSearchWords(query.search);
  return products
    .filter((product) => (query.categoryId === undefined || product.categoryId === query.categoryId) && matchesAll(product, words))
    .sort(comparators[query.sort ?? 'name']);
}

/** Products shown at first and added by each "Show more": a phone screen or two, never thousands at once. */
export const pageSize = 24;

export const isSortOrder = (value: unknown): value is SortOrder => typeof value === 'string' && (sortOrders as readonly string[]).includes(value);

/** The product's pictures: its images, else its legacy imageUrl. */
export function toImages(product: Pick<CatalogueProduct, 'images' | 'imageUrl'>): string[] {
  if (product.images && product.images.length > 0) return [...product.images];
  return product.imageUrl ? [product.imageUrl] : [];
}

export function sortCategories<C extends CatalogueCategory>(categories: readonly C[]): C[] {
  return [...categories].sort(compareCategories);
}

/** The most of a product the list's + may put in the cart: what is in stock, within the cart's own limit. */
export function toQuantityCap(stock: number): number {
  return Math.max(0, Math.min(stock, maxQuantity));
}

/** The list's query with nothing left undefined: what the page shows and its address says. */
export interface CatalogueQuery {
  readonly search: string;
  readonly categoryId: string | undefined;
  readonly sort: SortOrder;
}

export const defaultCatalogueQuery: CatalogueQuery = { search: '', categoryId: undefined, sort: 'name' };

/** Longest search or category id read from an address: a pasted link never makes the page do more. */
const maxParamLength = 200;

/** The query from the shop page's query string (?q=…&category=…&sort=…); anything unreadable is left at its default. */
export function parseCatalogueQuery(search: string): CatalogueQuery {
  const params = new URLSearchParams(search);
  const text = params.get('q') ?? '';
  const categoryId = params.get('category') ?? '';
  const sort = params.get('sort');
  return {
    search: text.length <= maxParamLength ? text : '',
    categoryId: categoryId && categoryId.length <= maxParamLength ? categoryId : undefined,
    sort: isSortOrder(sort) ? sort : defaultCatalogueQuery.sort,
  };
}

/** The query string for a query ('' for the default list), the inverse of parseCatalogueQuery. */
export function toCatalogueSearch(query: CatalogueQuery): string {
  const params = new URLSearchParams();
  if (query.search) params.set('q', query.search);
  if (query.categoryId) params.set('category', query.categoryId);
  if (query.sort !== defaultCatalogueQuery.sort) params.set('sort', query.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Which ends of a sideways-scrolling row have more beyond them (a fade shows it); a pixel of slack for rounding. */
export function toScrollEdges(row: { readonly scrollLeft: number; readonly scrollWidth: number; readonly clientWidth: number }): { readonly start: boolean; readonly end: boolean } {
  // scrollLeft is negative in a right-to-left row: its distance from the start either way.
  const fromStart = Math.abs(row.scrollLeft);
  return { start: fromStart > 1, end: row.scrollWidth - row.clientWidth - fromStart > 1 };
}
