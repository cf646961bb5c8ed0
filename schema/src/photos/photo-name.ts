/**
 * Product photos are content-addressed: a photo's name is the SHA-256 of its bytes and the
 * extension of its type (`<64 hex>.webp`), so a device names a photo before it is uploaded (a
 * product saved offline already points at it), an upload is idempotent, and a name never changes
 * content (served with year-long caching). The server recomputes the digest and refuses a
 * mismatch: the name is never the client's word alone.
 */

/** The types a photo may have, by extension. Devices send WebP (resize-photo.ts); the others for older browsers. */
export const photoTypes = { webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png' } as const;
export type PhotoExtension = keyof typeof photoTypes;

/** The largest photo the server stores (bytes). A 1,600 px WebP from a phone is about 150 to 400 KB. */
export const maxPhotoBytes = 2 * 1024 * 1024;
/** The longest side a device resizes a photo to before uploading it. */
export const photoLongestSide = 1600;
/** The largest width or height the server accepts (a photo not resized by the app, within reason). */
export const maxPhotoSide = 4096;

const photoNamePattern = /^([0-9a-f]{64})\.(webp|jpg|png)$/;

export interface PhotoName {
  readonly digest: string;
  readonly extension: PhotoExtension;
  readonly contentType: (typeof photoTypes)[PhotoExtension];
}

/** `<sha256 hex>.<ext>` parsed, or undefined for anything else (upper case, other types, paths). */
export function parsePhotoName(name: string): PhotoName | undefined {
  const match = photoNamePattern.exec(name);
  if (!match) return undefined;
  const extension = match[2] as PhotoExtension;
  return { digest: match[1]!, extension, contentType: photoTypes[extension] };
}

/** The extension for a content type, or undefined for a type photos may not have. */
export function toPhotoExtension(contentType: string): PhotoExtension | undefined {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (Object.keys(photoTypes) as PhotoExtension[]).find((extension) => photoTypes[extension] === type);
}

/** Where the sync server serves a photo, below its base URL. */
export function toPhotoPath(name: string): string {
  return `/photos/${name}`;
}

/** Whether an image address is a photo kept by a sync server (`…/photos/<digest>.<ext>`) rather than a link elsewhere. */
export function isPhotoUrl(url: string): boolean {
  // Most pictures are not photos (the demo's, a legacy address): answered without parsing, since
  // a relative address makes `new URL` throw, and an exception per picture per render showed in
  // the shop's first screen on a phone. A photo's path always holds "/photos/" (or, before
  // `URL` normalises it, "\photos\").
  if (!/[/\\]photos[/\\]/.test(url)) return false;
  try {
    const { pathname } = new URL(url);
    return pathname.startsWith('/photos/') && parsePhotoName(pathname.slice('/photos/'.length)) !== undefined;
  } catch {
    return false;
  }
}

/**
 * How an app's <img> asks for an image: the sync server's photos with CORS (it allows any origin
 * for them), so the service worker caches a readable response, where an opaque one would count
 * megabytes against a phone's storage quota; every <img> of a photo must ask the same way, since
 * a cached opaque answer cannot serve a CORS request. Other links load as plain images.
 */
export function toPhotoCrossOrigin(src: string): 'anonymous' | undefined {
  return isPhotoUrl(src) ? 'anonymous' : undefined;
}
