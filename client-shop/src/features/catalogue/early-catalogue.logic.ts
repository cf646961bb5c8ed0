/**
 * Which catalogue the front page shows on a fresh device: the first pages pulled before RxDB
 * loaded (shell/early-catalogue.ts) until the device's own database holds products or has caught
 * up with the server; from then on only the device's database, so a product removed later never
 * comes back from that early copy. Pure: no fetch, no RxDB.
 */
import type { ServerDocument } from '@oa/client-sync';
import type { CatalogueCategory, CatalogueProduct } from './catalogue.logic';

export interface EarlyCatalogue {
  readonly products: readonly CatalogueProduct[];
  readonly categories: readonly CatalogueCategory[];
}

export interface ShownCatalogue {
  /** undefined while nothing is known yet: the page says "loading". */
  readonly products: readonly CatalogueProduct[] | undefined;
  readonly categories: readonly CatalogueCategory[];
}

/** A pulled page's live documents, as the device's database would give them back (tombstones dropped). */
export function toEarlyDocuments<T>(documents: readonly ServerDocument[]): T[] {
  return documents.filter((document) => !document._deleted).map(({ _deleted: _ignored, ...fields }) => fields as T);
}

export function toShownCatalogue(stored: { products: readonly CatalogueProduct[] | undefined; categories: readonly CatalogueCategory[] | undefined; caughtUp: boolean }, early: EarlyCatalogue | undefined): ShownCatalogue {
  const storedHasProducts = (stored.products?.length ?? 0) > 0;
  if (!early || storedHasProducts || stored.caughtUp) return { products: stored.products, categories: stored.categories ?? [] };
  return { products: early.products, categories: stored.categories?.length ? stored.categories : early.categories };
}
