import { describe, expect, it } from 'vitest';
import { toFittedSize, toHex, toPhotoUrl, toPhotoUrlsOf } from './photo.logic';

const digest = 'ab'.repeat(32);

describe('toFittedSize', () => {
  it.each([
    { width: 4000, height: 3000, fitted: { width: 1600, height: 1200 } },
    { width: 3000, height: 4000, fitted: { width: 1200, height: 1600 } },
    { width: 1600, height: 900, fitted: { width: 1600, height: 900 } },
    { width: 800, height: 600, fitted: { width: 800, height: 600 } },
    { width: 10000, height: 3, fitted: { width: 1600, height: 1 } },
  ])('fits $width × $height into 1,600 px as $fitted.width × $fitted.height, never enlarging', ({ width, height, fitted }) => {
    expect(toFittedSize(width, height, 1600)).toEqual(fitted);
  });
});

describe('photo addresses', () => {
  it('writes a digest as lowercase hex', () => {
    expect(toHex(new Uint8Array([0, 15, 16, 255]).buffer)).toBe('000f10ff');
  });

  it('places a photo under the sync server’s /photos/, whatever trailing slash the URL has', () => {
    expect(toPhotoUrl('https://sync.example.in/', digest, 'webp')).toBe(`https://sync.example.in/photos/${digest}.webp`);
    expect(toPhotoUrl('http://localhost:4000', digest, 'jpg')).toBe(`http://localhost:4000/photos/${digest}.jpg`);
  });

  it('lists the photos pushed documents point at, each once, skipping links and other fields', () => {
    const photo = `http://localhost:4000/photos/${digest}.webp`;
    expect(
      toPhotoUrlsOf([
        { id: 'p1', images: [photo, 'https://cdn.example.in/x.jpg'] },
        { id: 'p2', images: [photo] },
        { id: 'p3', _deleted: true },
        { id: 'p4', images: 'oops' },
      ]),
    ).toEqual([photo]);
  });
});
