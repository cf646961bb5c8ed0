/**
 * Product photos over real HTTP: an admin uploads a photo under its content-addressed name, and
 * anyone reads it back byte for byte, cached for good. Every refusal has its own code and a 4xx,
 * and leaves nothing stored.
 */
import { request } from 'node:http';
import { maxPhotoBytes, type PhotoExtension } from '@oa/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './http-server';
import { jpegHeaderOf, noise, oneSquareWebp, padPng, photoNameOf, pngOf, webpHeaderOf } from './images';

const adminOrigin = 'http://admin.example:5173';
const shopOrigin = 'http://shop.example:5174';
const types: Record<PhotoExtension, string> = { webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png' };

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: { name?: string; path?: string; error?: { code: string; message: string } };
}

describe('product photos', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ seed: false, env: { CORS_ORIGINS: `${shopOrigin}, ${adminOrigin}` } });
  });
  afterAll(() => world.server.close());

  const url = (name: string) => `${world.server.url}/photos/${name}`;

  async function upload(name: string, bytes: Uint8Array, options: { token?: string | null; type?: string | null } = {}): Promise<Answer> {
    const token = options.token === undefined ? world.admin.accessToken : options.token;
    const type = options.type === undefined ? types[name.split('.').pop() as PhotoExtension] ?? 'image/webp' : options.type;
    const response = await fetch(url(name), {
      method: 'PUT',
      headers: { ...(type === null ? {} : { 'content-type': type }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: bytes,
    });
    return { status: response.status, headers: response.headers, json: (await response.json()) as Answer['json'] };
  }

  /** Neither served nor stored. */
  async function expectNothingStored(name: string): Promise<void> {
    const response = await fetch(url(name));
    expect(response.status).toBe(404);
    expect(((await response.json()) as Answer['json']).error?.code).toBe('NOT_FOUND');
    expect(await world.server.storage.readFile(name)).toBeUndefined();
  }

  /**
   * A PUT over a raw connection, so the body can be sent chunked (no length) or under a declared
   * length, and the answer read even when the server stops reading part way.
   */
  function putRaw(name: string, body: Buffer, headers: Record<string, string | number>): Promise<{ status: number; headers: Record<string, unknown>; json: Answer['json'] }> {
    return new Promise((resolve, reject) => {
      const sent = request(url(name), { method: 'PUT', headers: { authorization: `Bearer ${world.admin.accessToken}`, 'content-type': 'image/png', ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, json: JSON.parse(Buffer.concat(chunks).toString()) }));
      });
      // Writing on after the server answered may fail (it closed the connection): the answer counts.
      sent.on('error', (error) => setTimeout(() => reject(error), 1000));
      for (let at = 0; at < body.length; at += 64 * 1024) sent.write(body.subarray(at, at + 64 * 1024));
      sent.end();
    });
  }

  /** A GET over a raw connection: the headers exactly as given (fetch adds its own to conditional requests) and the bytes as sent. */
  function getRaw(name: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      request(url(name), { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
  }

  describe('uploading and reading back', () => {
    const webp = oneSquareWebp;
    const name = photoNameOf(webp, 'webp');

    it('stores an admin’s WebP under its name, answering 201 with where it is served', async () => {
      const answer = await upload(name, webp);
      expect(answer.status).toBe(201);
      expect(answer.json).toEqual({ name, path: `/photos/${name}` });
      expect(answer.headers.get('cache-control')).toBe('no-store');
    });

    it('serves it to anyone, byte for byte, with its type and year-long immutable caching', async () => {
      const response = await fetch(url(name));
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(webp)).toBe(true);
      expect(response.headers.get('content-type')).toBe('image/webp');
      expect(response.headers.get('content-length')).toBe(String(webp.length));
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('etag')).toBe(`"${name.slice(0, 64)}"`);
      // The apps show photos in <img> from their own origins: not same-origin only, as the API is.
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('answers HEAD with the headers and length and no body', async () => {
      const response = await fetch(url(name), { method: 'HEAD' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-length')).toBe(String(webp.length));
      expect(response.headers.get('content-type')).toBe('image/webp');
      expect((await response.arrayBuffer()).byteLength).toBe(0);
    });

    it('answers 304 to a browser that holds it already', async () => {
      for (const tag of [`"${name.slice(0, 64)}"`, `W/"${name.slice(0, 64)}"`, `"other", "${name.slice(0, 64)}"`]) {
        const response = await getRaw(name, { 'if-none-match': tag });
        expect(response.status).toBe(304);
        expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(response.body.length).toBe(0);
      }
      expect((await getRaw(name, { 'if-none-match': '"something-else"' })).status).toBe(200);
      // A reload that asks for no cache (as fetch does with a condition) gets the photo again.
      expect((await getRaw(name, { 'if-none-match': `"${name.slice(0, 64)}"`, 'cache-control': 'no-cache' })).status).toBe(200);
    });

    it('answers a second upload of the same photo with 200 and the same body, keeping the first', async () => {
      const answer = await upload(name, webp);
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ name, path: `/photos/${name}` });
      expect(Buffer.from((await world.server.storage.readFile(name))!.bytes).equals(webp)).toBe(true);
    });

    it('stores a PNG and a JPEG under their own types', async () => {
      for (const [bytes, extension] of [[pngOf(20, 10), 'png'], [jpegHeaderOf(1600, 1200), 'jpg']] as const) {
        const photo = photoNameOf(bytes, extension);
        expect((await upload(photo, bytes)).status).toBe(201);
        const response = await fetch(url(photo));
        expect(response.headers.get('content-type')).toBe(types[extension]);
        expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
      }
    });

    it('sends a photo as it is stored, never compressed again', async () => {
      const png = pngOf(64, 64);
      const photo = photoNameOf(png, 'png');
      expect((await upload(photo, png)).status).toBe(201);
      const raw = await getRaw(photo, { 'accept-encoding': 'br, gzip' });
      expect(raw.status).toBe(200);
      expect(raw.headers['content-encoding']).toBeUndefined();
      expect(raw.body.equals(png)).toBe(true);
    });

    it('accepts a photo of exactly the largest size', async () => {
      const largest = padPng(pngOf(8, 8), maxPhotoBytes);
      expect(largest.length).toBe(maxPhotoBytes);
      expect((await upload(photoNameOf(largest, 'png'), largest)).status).toBe(201);
    });
  });

  describe('who may upload', () => {
    const png = pngOf(3, 3, () => [1, 2, 3]);
    const name = photoNameOf(png, 'png');

    it('refuses a shopper with 403 FORBIDDEN, storing nothing', async () => {
      const answer = await upload(name, png, { token: world.alice.accessToken });
      expect(answer.status).toBe(403);
      expect(answer.json.error?.code).toBe('FORBIDDEN');
      await expectNothingStored(name);
    });

    it('refuses a visitor without a token with 401 UNAUTHENTICATED, storing nothing', async () => {
      const answer = await upload(name, png, { token: null });
      expect(answer.status).toBe(401);
      expect(answer.json.error?.code).toBe('UNAUTHENTICATED');
      await expectNothingStored(name);
    });

    it('refuses a token that is not valid with 401, storing nothing', async () => {
      const answer = await upload(name, png, { token: `${world.admin.accessToken.slice(0, -4)}AAAA` });
      expect(answer.status).toBe(401);
      expect(answer.json.error?.code).toBe('TOKEN_INVALID');
      await expectNothingStored(name);
    });
  });

  describe('what an admin may upload', () => {
    it('refuses bytes that are not what the name’s digest says, with 400 PHOTO_DIGEST_MISMATCH', async () => {
      const name = photoNameOf(pngOf(5, 5), 'png');
      const answer = await upload(name, pngOf(6, 6));
      expect(answer.status).toBe(400);
      expect(answer.json.error?.code).toBe('PHOTO_DIGEST_MISMATCH');
      await expectNothingStored(name);
    });

    it('refuses a body sent as another type than the name’s, or as none, with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      const png = pngOf(7, 7);
      const name = photoNameOf(png, 'png');
      for (const type of ['image/webp', 'image/jpeg', 'application/octet-stream', 'image/svg+xml', null]) {
        const answer = await upload(name, png, { type });
        expect(answer.status).toBe(415);
        expect(answer.json.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      }
      await expectNothingStored(name);
    });

    it('refuses a body declared larger than 2 MiB with 413 PAYLOAD_TOO_LARGE, before reading it', async () => {
      const big = padPng(pngOf(8, 8), maxPhotoBytes + 1);
      const name = photoNameOf(big, 'png');
      const answer = await putRaw(name, big, { 'content-length': big.length });
      expect(answer.status).toBe(413);
      expect(answer.json.error?.code).toBe('PAYLOAD_TOO_LARGE');
      await expectNothingStored(name);
    });

    it('cuts off a body sent without a length once it passes 2 MiB, with 413 PAYLOAD_TOO_LARGE', async () => {
      const big = padPng(pngOf(8, 8), maxPhotoBytes + 64 * 1024);
      const name = photoNameOf(big, 'png');
      const answer = await putRaw(name, big, { 'transfer-encoding': 'chunked' });
      expect(answer.status).toBe(413);
      expect(answer.json.error?.code).toBe('PAYLOAD_TOO_LARGE');
      expect(answer.headers.connection).toBe('close');
      await expectNothingStored(name);
    });

    it.each([
      ['bytes that are no image', noise(4000), 'webp', /not a WEBP image/],
      ['a PNG named as a WebP', pngOf(4, 4), 'webp', /it is PNG/],
      ['a WebP wider than 4096 px', webpHeaderOf(5000, 100), 'webp', /5000 × 100 px; at most 4096/],
      ['a PNG taller than 4096 px', pngOf(1, 4097), 'png', /1 × 4097 px/],
      ['an empty body', Buffer.alloc(0), 'webp', /empty/],
    ] as const)('refuses %s with 400 INVALID_PHOTO', async (_case, bytes, extension, message) => {
      const name = photoNameOf(bytes, extension);
      const answer = await upload(name, bytes);
      expect(answer.status).toBe(400);
      expect(answer.json.error).toEqual({ code: 'INVALID_PHOTO', message: expect.stringMatching(message) });
      await expectNothingStored(name);
    });

    it.each([
      ['upper-case hex', (name: string) => name.toUpperCase().replace('.WEBP', '.webp')],
      ['another extension', (name: string) => name.replace('.webp', '.gif')],
      ['a short digest', (name: string) => name.slice(1)],
      ['any other name', () => 'logo.webp'],
      ['an encoded path', (name: string) => `..%2F${name}`],
    ])('refuses a name with %s with 400 INVALID_PHOTO_NAME, and serves nothing under it', async (_case, rename) => {
      const name = rename(photoNameOf(oneSquareWebp, 'webp'));
      const answer = await upload(name, oneSquareWebp, { type: 'image/webp' });
      expect(answer.status).toBe(400);
      expect(answer.json.error?.code).toBe('INVALID_PHOTO_NAME');
      const read = await fetch(url(name));
      expect(read.status).toBe(404);
      expect(((await read.json()) as Answer['json']).error?.code).toBe('NOT_FOUND');
    });

    it('answers 404 NOT_FOUND, not cached, for a photo never uploaded', async () => {
      const response = await fetch(url(photoNameOf(noise(10, 9), 'webp')));
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(((await response.json()) as Answer['json']).error?.code).toBe('NOT_FOUND');
    });

    it('never answered with a 5xx', () => {
      expect(world.server.errors).toEqual([]);
    });
  });

  describe('from the apps’ origins', () => {
    it('lets the admin app upload across origins: the preflight allows PUT with an image type', async () => {
      const preflight = await fetch(url(photoNameOf(oneSquareWebp, 'webp')), {
        method: 'OPTIONS',
        headers: { Origin: adminOrigin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,content-type,x-oa-protocol' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(adminOrigin);
      expect(preflight.headers.get('access-control-allow-methods')?.split(',')).toContain('PUT');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase().split(',')).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    });

    it('uploads from the admin app’s origin and serves the shop’s origin', async () => {
      const png = pngOf(9, 9);
      const name = photoNameOf(png, 'png');
      const uploaded = await fetch(url(name), {
        method: 'PUT',
        headers: { Origin: adminOrigin, 'content-type': 'image/png', authorization: `Bearer ${world.admin.accessToken}`, 'x-oa-protocol': '1' },
        body: png,
      });
      expect(uploaded.status).toBe(201);
      expect(uploaded.headers.get('access-control-allow-origin')).toBe(adminOrigin);
      const read = await fetch(url(name), { headers: { Origin: shopOrigin } });
      expect(read.status).toBe(200);
      expect(read.headers.get('access-control-allow-origin')).toBe(shopOrigin);
      expect(Buffer.from(await read.arrayBuffer()).equals(png)).toBe(true);
    });
  });
});
