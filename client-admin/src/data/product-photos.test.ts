/**
 * The admin's photo queue against the REAL sync server (in-process, real SQLite): a photo waits
 * on the device until the server takes it, is sent once, and is dropped only when the server
 * refuses it for good. Node has no Cache Storage or canvas: the queue keeps photos in memory
 * there, and the resizing (a browser's job, tested in Chromium by e2e/admin-photo-offline) is
 * given a ready WebP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type Session, type TestServer } from '../../../sync-server/test/http-server';
import { oneSquareWebp } from '../../../sync-server/test/images';
import { createProductPhotos } from './product-photos';
import type { ResizedPhoto } from './resize-photo';

describe('product photos waiting on the admin’s device (real sync server)', () => {
  let server: TestServer;
  let admin: Session;
  let alice: Session;

  beforeAll(async () => ({ server, admin, alice } = await startWorld()));
  afterAll(async () => server?.close());

  const readyWebp = async (): Promise<ResizedPhoto> => ({ blob: new Blob([oneSquareWebp], { type: 'image/webp' }), extension: 'webp', width: 1, height: 1 });

  function photosFor(token: string, network: { offline?: boolean; status?: number } = {}) {
    const refused: string[] = [];
    const sent: string[] = [];
    const photos = createProductPhotos({
      getSyncUrl: async () => server.url,
      getAccessToken: async () => token,
      resize: readyWebp,
      fetch: async (input, init) => {
        if (network.offline) throw new TypeError('Failed to fetch');
        sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
        if (network.status) return new Response(JSON.stringify({ error: { code: 'DATABASE_UNAVAILABLE', message: 'try later' } }), { status: network.status });
        return fetch(input, init);
      },
      onRefused: (url) => refused.push(url),
    });
    return { photos, refused, sent, network };
  }

  it('keeps a photo taken offline and sends it once the server answers, then forgets it', async () => {
    const { photos, network, sent } = photosFor(admin.accessToken, { offline: true });
    const url = await photos.add(new Blob(['a camera photo']));
    expect(url).toMatch(new RegExp(`^${server.url}/photos/[0-9a-f]{64}\\.webp$`));
    expect(await photos.waiting()).toEqual([url]);

    await expect(photos.upload([url])).rejects.toThrow('Failed to fetch');
    expect(await photos.waiting()).toEqual([url]);
    expect((await fetch(url)).status).toBe(404);

    network.offline = false;
    await photos.upload([url]);
    expect(await photos.waiting()).toEqual([]);
    const stored = await fetch(url);
    expect(stored.status).toBe(200);
    expect(Buffer.from(await stored.arrayBuffer())).toEqual(oneSquareWebp);
    // Asked again (a product pushed twice), nothing more is sent.
    await photos.upload([url]);
    expect(sent.filter((line) => line.startsWith('PUT'))).toHaveLength(1);
  });

  it('keeps the photo and rejects (so the product waits) while the server is unavailable', async () => {
    const { photos, network, refused } = photosFor(admin.accessToken, { status: 503 });
    const url = await photos.add(new Blob(['another']));
    await expect(photos.upload([url])).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect(await photos.waiting()).toEqual([url]);
    expect(refused).toEqual([]);
    delete network.status;
    await photos.upload([url]);
    expect(await photos.waiting()).toEqual([]);
  });

  it('drops a photo the server refuses for good (not an admin), so later products are not held behind it', async () => {
    const { photos, refused } = photosFor(alice.accessToken);
    const url = await photos.add(new Blob(['a shopper’s try']));
    await photos.upload([url]);
    expect(refused).toEqual([url]);
    expect(await photos.waiting()).toEqual([]);
  });

  it('uploads only the photos it holds: links and photos taken elsewhere are left alone', async () => {
    const { photos, sent } = photosFor(admin.accessToken);
    await photos.upload([`${server.url}/photos/${'0'.repeat(64)}.webp`, 'https://cdn.example.in/laddu.jpg']);
    expect(sent).toEqual([]);
  });

  it('forgets a discarded photo without sending it', async () => {
    const { photos, sent } = photosFor(admin.accessToken);
    const url = await photos.add(new Blob(['taken, then cancelled']));
    await photos.discard(url);
    await photos.upload([url]);
    expect(await photos.waiting()).toEqual([]);
    expect(sent).toEqual([]);
  });
});
