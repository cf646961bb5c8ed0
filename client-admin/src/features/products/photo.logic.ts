/**
 * The pure side of product photos on the device: how large a resized photo is, and where the sync
 * server keeps a photo of a given digest. The browser work (decoding, drawing, encoding, hashing,
 * the upload queue) is in data/resize-photo.ts and data/product-photos.ts.
 */
import { isPhotoUrl, toPhotoPath, type PhotoExtension } from '@oa/schema';

/** The size a width × height picture takes with its longest side at most `longest`; never enlarged. */
export function toFittedSize(width: number, height: number, longest: number): { width: number; height: number } {
  const scale = Math.min(1, longest / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Bytes as lowercase hex (a SHA-256 digest → the 64 characters of a photo's name). */
export function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The photo's address on the sync server: what the product stores, and what the upload is sent to. */
export function toPhotoUrl(syncUrl: string, digest: string, extension: PhotoExtension): string {
  return `${syncUrl.replace(/\/+$/, '')}${toPhotoPath(`${digest}.${extension}`)}`;
}

/** The images of pushed documents that are photos (products' `images`), each once. */
export function toPhotoUrlsOf(documents: ReadonlyArray<Readonly<Record<string, unknown>>>): string[] {
  const urls = new Set<string>();
  for (const document of documents) {
    const images = document.images;
    if (!Array.isArray(images)) continue;
    for (const image of images) if (typeof image === 'string' && isPhotoUrl(image)) urls.add(image);
  }
  return [...urls];
}

