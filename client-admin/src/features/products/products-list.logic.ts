/**
 * The admin's product list, as pure rules: which products a search and an active/inactive filter
 * show (by name, A to Z), and how a price reads in rupees. No React: the page only renders this.
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


