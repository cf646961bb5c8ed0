/**
 * The front page without waiting for RxDB. A device that showed the catalogue before shows its
 * copy of it (catalogue-snapshot.ts) with the first paint. On a visitor's first visit the first
 * page of products and categories is pulled at once, with the shell's small chunk, and shown while
 * RxDB and Dexie load (shell/shop-data.ts waits for it, so their work comes after the first paint);
 * the replication then takes those pages over (client-sync's prefetched pulls): nothing is
 * downloaded twice. Either is shown only until the device's database answers (early-catalogue.logic.ts).
 */
import { createHttpTransport, prefetchPulls, type PrefetchedPulls } from '@oa/client-sync';
import { loadPageRuntimeConfig, readLastSynced } from '@oa/client-sync/browser';
import type { CatalogueCategory, CatalogueProduct } from '../features/catalogue/catalogue.logic';
import { toEarlyDocuments, type EarlyCatalogue } from '../features/catalogue/early-catalogue.logic';
import { readCatalogueSnapshot } from './catalogue-snapshot';
import { shopSession } from './shop-session';

/** The catalogue's last in-sync time (the header's "Last synced"): none on a device that never synced it. */
export const catalogueSyncedKey = 'oa-shop-last-synced:catalogue';
/** The first page the replication's first sync asks for (client-sync's pull-into-empty), so it can take it over. */
const firstPageSize = 1000;
/** RxDB waits for the early pages at most this long: a slow server never holds the shop's own database back. */
const maxWaitMs = 3000;

export interface EarlyCatalogueStore {
  getSnapshot(): EarlyCatalogue | undefined;
  subscribe(listener: () => void): () => void;
  /** The pulls in flight or answered, for the replication to start from. */
  prefetched(): PrefetchedPulls | undefined;
  /** Resolves once the early pages are shown, could not be pulled, or were not pulled (a copy, or none needed). */
  readonly settled: Promise<void>;
}

export function startEarlyCatalogue(): EarlyCatalogueStore {
  const listeners = new Set<() => void>();
  let snapshot: EarlyCatalogue | undefined = readCatalogueSnapshot();
  let prefetched: PrefetchedPulls | undefined;
  const store = (settled: Promise<void>): EarlyCatalogueStore => ({
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    prefetched: () => prefetched,
    settled,
  });
  const fresh = !snapshot && readLastSynced(catalogueSyncedKey) === undefined && !shopSession.getSnapshot() && navigator.onLine !== false;
  if (!fresh) return store(Promise.resolve());

  const shown = loadPageRuntimeConfig()
    .then(async ({ syncUrl }) => {
      prefetched = prefetchPulls(createHttpTransport({ baseUrl: syncUrl, getAccessToken: () => undefined }), ['products', 'categories'], firstPageSize);
      const [products, categories] = await Promise.all([prefetched.answers.get('products')!, prefetched.answers.get('categories')!]);
      snapshot = { products: toEarlyDocuments<CatalogueProduct>(products.documents), categories: toEarlyDocuments<CatalogueCategory>(categories.documents) };
      listeners.forEach((listener) => listener());
    })
    // Offline or no server: the device's database opens empty and its first sync says so.
    .catch(() => undefined);
  return store(Promise.race([shown, new Promise<void>((done) => setTimeout(done, maxWaitMs))]));
}

export const earlyCatalogue = startEarlyCatalogue();
