/**
 * Turns a photo from the phone's camera or gallery into what the shop needs: decoded (turned the
 * way the camera held it), its longest side at most 1,600 px, encoded as WebP (JPEG where a
 * browser cannot write WebP). A 12-megapixel photo of 4 to 8 MB becomes about 100 to 400 KB, sent
 * once over mobile data. The browser shell; the sizes are photo.logic.ts's.
 */
import { maxPhotoBytes, photoLongestSide, toPhotoExtension, type PhotoExtension } from '@oa/schema';
import { toFittedSize } from '../features/products/photo.logic';

export interface ResizedPhoto {
  readonly blob: Blob;
  readonly extension: PhotoExtension;
  readonly width: number;
  readonly height: number;
}

/** A photo that cannot be used, with a message to show the admin. */
export class PhotoError extends Error {
  override readonly name = 'PhotoError';
}

export async function resizePhoto(file: Blob): Promise<ResizedPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (cause) {
    throw new PhotoError('That file is not a picture this browser can open. Take or choose a photo (JPEG, PNG, WebP or HEIC).', { cause });
  }
  try {
    const size = toFittedSize(bitmap.width, bitmap.height, photoLongestSide);
    for (const [type, quality] of [['image/webp', 0.82], ['image/jpeg', 0.85]] as const) {
      const blob = await drawAndEncode(bitmap, size, type, quality);
      // A browser that cannot write the asked type silently writes PNG instead: try the next.
      const extension = toPhotoExtension(blob.type);
      if (blob.type !== type || !extension) continue;
      if (blob.size > maxPhotoBytes) throw new PhotoError('That photo is too detailed to send even when made smaller. Try another.');
      return { blob, extension, ...size };
    }
    throw new PhotoError('This browser cannot prepare photos for the shop. Add the picture as a link instead.');
  } finally {
    bitmap.close();
  }
}

async function drawAndEncode(bitmap: ImageBitmap, size: { width: number; height: number }, type: string, quality: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (!context) throw new PhotoError('This browser cannot prepare photos for the shop.');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    return canvas.convertToBlob({ type, quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new PhotoError('This browser cannot prepare photos for the shop.');
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new PhotoError('This browser cannot prepare photos for the shop.'))), type, quality),
  );
}
