/**
 * The admin's product list, as pure rules: which products a search and an active/inactive filter
 * show (by name, A to Z), and which picture a row's thumbnail shows. No React: the page only
 * renders this.
 */
import { matchesAllWords, toSearchWords } from '@oa/client-sync';
import type { Product } from '@oa/schema';

export type ProductStatusFilter = 'all' | 'active' | 'inactive';

export interface ProductListQuery {
  /** Matched against the name and the slug, ignoring case and accents. */
  readonly search: string;
  readonly status: ProductStatusFilter;
}

type Listed = Pick<Product, 'name' | 'slug' | 'isActive'>;

export function filterProducts<P extends Listed>(products: readonly P[], query: ProductListQuery): P[] {
  const words = toSearchWords(query.search);
  return products
    .filter((product) => query.status === 'all' || product.isActive === (query.status === 'active'))
    .filter((product) => matchesAllWords(`${product.name} ${product.slug}`, words))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

/** The row's thumbnail: the first of the product's images, else its legacy imageUrl; undefined for none. */
export function toThumbnailSrc(product: Pick<Product, 'images' | 'imageUrl'>): string | undefined {
  return [product.images[0], product.imageUrl].map((src) => src?.trim()).find((src) => Boolean(src));
}
