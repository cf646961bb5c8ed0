/** Content-addressed photo names: what parses, what each type maps to, and where a photo is served. */
import { describe, expect, it } from 'vitest';
import { isPhotoUrl, toPhotoCrossOrigin, maxPhotoBytes, maxPhotoSide, parsePhotoName, photoLongestSide, photoTypes, toPhotoExtension, toPhotoPath } from './photo-name';

const digest = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('parsePhotoName', () => {
  it.each([
    ['a WebP', `${digest}.webp`, 'webp', 'image/webp'],
    ['a JPEG', `${digest}.jpg`, 'jpg', 'image/jpeg'],
    ['a PNG', `${digest}.png`, 'png', 'image/png'],
  ] as const)('parses %s name into its digest, extension and type', (_label, name, extension, contentType) => {
    expect(parsePhotoName(name)).toEqual({ digest, extension, contentType });
  });

  it.each([
    ['an empty name', ''],
    ['a digest alone', digest],
    ['upper-case hex', `${digest.toUpperCase()}.webp`],
    ['an upper-case extension', `${digest}.WEBP`],
    ['a digest one character short', `${digest.slice(1)}.webp`],
    ['a digest one character long', `${digest}0.webp`],
    ['a letter past f', `${digest.slice(0, -1)}g.webp`],
    ['a .jpeg extension', `${digest}.jpeg`],
    ['another image type', `${digest}.gif`],
    ['an SVG', `${digest}.svg`],
    ['a path before it', `photos/${digest}.webp`],
    ['a parent path', `../${digest}.webp`],
    ['a double extension', `${digest}.webp.png`],
    ['a trailing newline', `${digest}.webp\n`],
    ['a leading space', ` ${digest}.webp`],
    ['a query', `${digest}.webp?x=1`],
  ])('refuses %s', (_label, name) => {
    expect(parsePhotoName(name)).toBeUndefined();
  });
});

describe('toPhotoExtension', () => {
  it.each([
    ['image/webp', 'webp'],
    ['image/jpeg', 'jpg'],
    ['image/png', 'png'],
    ['IMAGE/WEBP', 'webp'],
    [' image/png ; charset=binary', 'png'],
    ['image/jpg', undefined],
    ['image/gif', undefined],
    ['image/svg+xml', undefined],
    ['application/octet-stream', undefined],
    ['', undefined],
  ])('maps %j to %s', (contentType, extension) => {
    expect(toPhotoExtension(contentType)).toBe(extension);
  });

  it('maps every photo type back to its own extension', () => {
    for (const [extension, contentType] of Object.entries(photoTypes)) expect(toPhotoExtension(contentType)).toBe(extension);
  });
});

describe('the photo limits and path', () => {
  it('serves a photo under /photos/ by its name', () => {
    expect(toPhotoPath(`${digest}.webp`)).toBe(`/photos/${digest}.webp`);
  });

  it('lets a device-resized photo through the server’s limits', () => {
    expect(maxPhotoBytes).toBe(2 * 1024 * 1024);
    expect(photoLongestSide).toBeLessThanOrEqual(maxPhotoSide);
  });
});

describe('photo addresses in products', () => {
  it.each([
    [`http://localhost:4000/photos/${digest}.webp`, true],
    [`https://cdn.example.in/photos/${digest}.png`, true],
    [`http://localhost:4000/photos/${digest.toUpperCase()}.webp`, false],
    [`http://localhost:4000/photos/${digest}.gif`, false],
    ['/images/demo/laddu.svg', false],
    ['https://cdn.example.in/laddu.jpg', false],
    ['not a url', false],
    // Written with backslashes, which URL reads as slashes in an http(s) address.
    [`http://localhost:4000\\photos\\${digest}.webp`, true],
    ['/photos/relative-has-no-host.webp', false],
  ])('tells %s is a stored photo: %s', (url, expected) => {
    expect(isPhotoUrl(url)).toBe(expected);
  });


  it('asks for the server’s photos with CORS and for other links as plain images', () => {
    expect(toPhotoCrossOrigin(`https://sync.example.in/photos/${digest}.webp`)).toBe('anonymous');
    expect(toPhotoCrossOrigin('/images/demo/laddu.svg')).toBeUndefined();
  });
});
