import { parsePhotoName, type PhotoExtension } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { jpegHeaderOf, noise, oneSquareWebp, photoNameOf, pngOf, webpHeaderOf } from '../../test/images';
import { checkPhoto } from './check-photo';

/** Checks bytes under the name they would have (digest right), as `extension`. */
const check = (bytes: Uint8Array, extension: PhotoExtension) => checkPhoto(parsePhotoName(photoNameOf(bytes, extension))!, bytes);

describe('checkPhoto', () => {
  it.each([
    ['a 1 × 1 WebP', oneSquareWebp, 'webp'],
    ['a WebP of 4096 × 4096', webpHeaderOf(4096, 4096), 'webp'],
    ['a PNG of 40 × 30', pngOf(40, 30), 'png'],
    ['a PNG of 4096 × 1', pngOf(4096, 1), 'png'],
    ['a JPEG of 1600 × 1200', jpegHeaderOf(1600, 1200), 'jpg'],
    ['a JPEG with comments before its frame header', jpegHeaderOf(800, 600, 20), 'jpg'],
  ] as const)('accepts %s', (_case, bytes, extension) => {
    expect(check(bytes, extension)).toBeUndefined();
  });

  it.each([
    ['empty bytes', Buffer.alloc(0), 'webp', /empty/],
    ['bytes that are no image', noise(5000), 'webp', /not a WEBP image/],
    ['a PNG named as a WebP', pngOf(2, 2), 'webp', /not a WEBP image \(it is PNG\)/],
    ['a WebP named as a PNG', oneSquareWebp, 'png', /not a PNG image \(it is WEBP\)/],
    ['a RIFF header with no WebP chunk', oneSquareWebp.subarray(0, 12), 'webp', /not a WEBP image/],
    ['a PNG named as a JPEG', pngOf(2, 2), 'jpg', /not a JPG image/],
    ['a WebP wider than 4096 px', webpHeaderOf(4097, 10), 'webp', /4097 × 10 px; at most 4096/],
    ['a PNG taller than 4096 px', pngOf(1, 5000), 'png', /1 × 5000 px/],
    ['a JPEG wider than 4096 px', jpegHeaderOf(8000, 10), 'jpg', /8000 × 10 px/],
    ['a JPEG of no width', jpegHeaderOf(0, 10), 'jpg', /no usable width/],
  ] as const)('refuses %s as INVALID_PHOTO', (_case, bytes, extension, message) => {
    expect(check(bytes, extension)).toEqual({ code: 'INVALID_PHOTO', message: expect.stringMatching(message) });
  });

  it('refuses bytes whose SHA-256 is not the name’s digest, naming both', () => {
    const named = parsePhotoName(photoNameOf(pngOf(2, 2), 'png'))!;
    const other = pngOf(3, 3);
    expect(checkPhoto(named, other)).toEqual({ code: 'PHOTO_DIGEST_MISMATCH', message: expect.stringContaining(named.digest) });
  });

  it('checks 2 MiB crafted to make a JPEG reader crawl in milliseconds (image-size alone: 0.7 s)', () => {
    const start = Buffer.from([0xff, 0xd8]);
    const size = 2 * 1024 * 1024 - 2;
    // Not a segment at all (image-size steps byte by byte), and half a million empty comments.
    const crafted = [Buffer.concat([start, Buffer.alloc(size, 0x41)]), Buffer.concat([start, Buffer.alloc(size, Buffer.from([0xff, 0xfe, 0x00, 0x02]))])];
    for (const bytes of crafted) {
      const started = performance.now();
      expect(check(bytes, 'jpg')).toMatchObject({ code: 'INVALID_PHOTO' });
      // A request may hold the event loop 50 ms; hashing 2 MiB takes about 3. Generous for a busy CI.
      expect(performance.now() - started).toBeLessThan(100);
    }
  });
});
