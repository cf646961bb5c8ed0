/**
 * The page's one product-photo queue (data/product-photos.ts): the editor adds photos to it, and
 * the admin's replication uploads them before pushing the products that show them
 * (data/create-admin-data.ts). Both use this instance, so a photo taken offline waits in one place.
 */
import { loadPageRuntimeConfig } from '@oa/client-sync/browser';
import { createProductPhotos } from '../data/product-photos';
import { adminSession } from './admin-session';

export const adminPhotos = createProductPhotos({
  getSyncUrl: async () => (await loadPageRuntimeConfig()).syncUrl,
  getAccessToken: () => adminSession.getAccessToken(),
  caches: typeof caches === 'undefined' ? undefined : caches,
  onRefused: (url, error) => console.warn(`[photos] the server refused ${url}: ${error.message}`),
});
