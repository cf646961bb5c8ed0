/**
 * Pure: whether uploaded bytes are the photo their name says: not empty, their SHA-256 is the
 * name's digest (the name is never the client's word alone), and they are an image of the name's
 * type (read from its header by image-size; not decoded) no wider or taller than maxPhotoSide.
 * A refusal is data, a stable code and a message; the route turns it into its HTTP answer.
 */
import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { maxPhotoSide, type PhotoExtension, type PhotoName } from '@oa/schema';
import { findJpegFrameEnd } from './find-jpeg-frame-end';

export interface PhotoRefusal {
  readonly code: 'INVALID_PHOTO' | 'PHOTO_DIGEST_MISMATCH';
  readonly message: string;
}

export interface PhotoSize {
  readonly width: number;
  readonly height: number;
}

/** PNG's and WebP's sizes sit in their first 30 bytes; the rest is never looked at. */
const headerBytes = 4096;

export function checkPhoto(photo: PhotoName, bytes: Uint8Array): PhotoRefusal | undefined {
  if (bytes.length === 0) return { code: 'INVALID_PHOTO', message: 'The photo is empty' };
  // 2 MiB hash in about 3 ms: well inside the 50 ms a request may hold the event loop.
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== photo.digest) {
    return { code: 'PHOTO_DIGEST_MISMATCH', message: `The photo's SHA-256 is ${digest}, not the ${photo.digest} its name says` };
  }
  const size = measurePhoto(photo.extension, bytes);
  if (typeof size === 'string') return { code: 'INVALID_PHOTO', message: size };
  if (size.width > maxPhotoSide || size.height > maxPhotoSide) {
    return { code: 'INVALID_PHOTO', message: `The photo is ${size.width} × ${size.height} px; at most ${maxPhotoSide} px a side` };
  }
  return undefined;
}

/** The photo's width and height, or why they cannot be read as an image of this type. */
export function measurePhoto(extension: PhotoExtension, bytes: Uint8Array): PhotoSize | string {
  const notOne = `The bytes are not a ${extension.toUpperCase()} image`;
  // Only the header reaches image-size (find-jpeg-frame-end.ts says why), so its work is bounded.
  let header: Uint8Array;
  if (extension === 'jpg') {
    const frameEnd = findJpegFrameEnd(bytes);
    if (frameEnd === undefined) return `${notOne} (no frame header among its first segments)`;
    header = bytes.subarray(0, frameEnd);
  } else {
    header = bytes.subarray(0, headerBytes);
  }
  let measured: { width: number; height: number; type?: string };
  try {
    measured = imageSize(header);
  } catch {
    // Unknown or malformed: image-size throws TypeErrors (and RangeErrors reading past a short header).
    return notOne;
  }
  if (measured.type !== extension) return measured.type ? `${notOne} (it is ${measured.type.toUpperCase()})` : notOne;
  const { width, height } = measured;
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width < 1 || height < 1) return `${notOne} (no usable width and height)`;
  return { width, height };
}
