/**
 * Product photos on the admin's device: prepared (resize-photo.ts), named by their digest, kept
 * in the browser's Cache Storage until the sync server has them, and uploaded before any product
 * that shows them is pushed (create-admin-data.ts), so a shopper never receives a product whose
 * photo is not there yet. Kept twice: in the upload queue, and in the service worker's image cache
 * under the photo's final address, so the admin app shows it at once and offline. The HTTP and
 * Cache Storage shell; the addresses are photo.logic.ts's.
 */
import { protocolHeaders, toSyncHttpError, isAuthError, type FetchLike } from '@oa/client-sync';
import { toHex, toPhotoUrl } from '../features/products/photo.logic';
import { resizePhoto, type ResizedPhoto } from './resize-photo';

/** Where photos wait for the server. Never evicted by the service worker's expiration rules. */
export const photoQueueCache = 'photo-uploads';
/** The service worker's runtime cache for pictures (pwa-build-config.ts): where a shown photo is found offline. */
export const shownImagesCache = 'product-images';

export interface ProductPhotosOptions {
  readonly getSyncUrl: () => Promise<string>;
  readonly getAccessToken: () => Promise<string | undefined>;
  readonly fetch?: FetchLike;
  /** The browser's Cache Storage; absent (a page that is not a secure context): kept in memory until uploaded. */
  readonly caches?: CacheStorage | undefined;
  readonly resize?: (file: Blob) => Promise<ResizedPhoto>;
  /** A photo the server refused for good (too large, not a picture): it is dropped, and the product shows no picture for it. */
  readonly onRefused?: (url: string, error: Error) => void;
}

export interface ProductPhotos {
  /** Prepares a photo and keeps it on this device until uploaded; answers the address a product stores. */
  add(file: Blob): Promise<string>;
  /** Forgets a photo added but not saved with a product. */
  discard(url: string): Promise<void>;
  /**
   * Uploads those of these addresses that wait on this device, one at a time. Rejects when the
   * server cannot take them now (offline, unavailable, a session to renew): the caller retries.
   */
  upload(urls: readonly string[]): Promise<void>;
  /** The addresses still waiting to be uploaded. */
  waiting(): Promise<string[]>;
}

/** Statuses after which the same upload may later succeed: keep the photo and try again. */
const isRetryable = (status: number): boolean => status >= 500 || status === 408 || status === 429;

export function createProductPhotos(options: ProductPhotosOptions): ProductPhotos {
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const resize = options.resize ?? resizePhoto;
  const memory = new Map<string, Blob>();
  let queue: Promise<void> = Promise.resolve();

  const open = async (name: string): Promise<Cache | undefined> => (options.caches ? options.caches.open(name) : undefined);
  const toResponse = (blob: Blob): Response =>
    new Response(blob, { headers: { 'Content-Type': blob.type, 'Content-Length': String(blob.size), Date: new Date().toUTCString() } });

  async function read(url: string): Promise<Blob | undefined> {
    const queued = await open(photoQueueCache);
    if (!queued) return memory.get(url);
    const response = await queued.match(url);
    return response ? response.blob() : undefined;
  }

  async function forget(url: string, alsoShown: boolean): Promise<void> {
    memory.delete(url);
    await (await open(photoQueueCache))?.delete(url);
    if (alsoShown) await (await open(shownImagesCache))?.delete(url);
  }

  async function uploadOne(url: string): Promise<void> {
    const blob = await read(url);
    if (!blob) return; // uploaded already, or never taken here
    const token = await options.getAccessToken();
    // An idempotent PUT to the photo's own address: sent twice (a lost answer), it is stored once.
    const response = await fetchFn(url, {
      method: 'PUT',
      headers: { 'content-type': blob.type, ...protocolHeaders, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: blob,
    });
    if (response.ok) return forget(url, false);
    const error = await toSyncHttpError(response);
    if (isRetryable(error.status) || isAuthError(error)) throw error;
    // Refused for good (its size, its type, no longer an admin): retrying would block every
    // product push behind it. The product keeps the address and shows no picture for it.
    await forget(url, true);
    options.onRefused?.(url, error);
  }

  return {
    async add(file) {
      const photo = await resize(file);
      const digest = toHex(await crypto.subtle.digest('SHA-256', await photo.blob.arrayBuffer()));
      const url = toPhotoUrl(await options.getSyncUrl(), digest, photo.extension);
      const [queued, shown] = await Promise.all([open(photoQueueCache), open(shownImagesCache)]);
      if (!queued || !shown) memory.set(url, photo.blob);
      await queued?.put(url, toResponse(photo.blob));
      await shown?.put(url, toResponse(photo.blob));
      return url;
    },
    discard: (url) => forget(url, true),
    upload(urls) {
      // One upload at a time, in the order asked: a phone's connection is shared with the sync.
      const next = queue.catch(() => undefined).then(async () => {
        for (const url of urls) await uploadOne(url);
      });
      queue = next;
      return next;
    },
    async waiting() {
      const queued = await open(photoQueueCache);
      if (!queued) return [...memory.keys()];
      return (await queued.keys()).map((request) => request.url);
    },
  };
}
