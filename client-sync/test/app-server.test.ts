/** An app's static server over real HTTP, on a small fake build: types, caching, SPA fallback, config. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer, toSyncUrl } from '../server/create-app-server';

describe('an app’s static server', () => {
  const dist = mkdtempSync(join(tmpdir(), 'oa-shop-dist-'));
  let server: ReturnType<typeof createAppServer>;
  let url: string;
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>shop</title>');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    writeFileSync(join(dist, 'manifest.webmanifest'), '{}');
    writeFileSync(join(dist, 'assets/index-abc123.js'), 'console.log(1)');
    // As the build writes them: the same script precompressed.
    writeFileSync(join(dist, 'assets/index-abc123.js.br'), brotliCompressSync('console.log(1)'));
    writeFileSync(join(dist, 'assets/index-abc123.js.gz'), gzipSync('console.log(1)'));
    writeFileSync(join(dist, 'index.html.br'), brotliCompressSync('<!doctype html><title>shop</title>'));
    server = createAppServer({ distDir: dist, syncPort: 4100 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dist, { recursive: true, force: true });
  });

  it.each([
    ['/', 'text/html; charset=utf-8', 'no-cache'],
    ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8', 'no-cache'],
    ['/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
  ])('serves %s as %s with Cache-Control %s', async (path, type, cache) => {
    const response = await fetch(url + path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe(cache);
  });

  /** A raw request (fetch would decode the body): status, headers and the bytes as sent. */
  const raw = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      request(url + path, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject).end();
    });

  it('sends the precompressed file the browser accepts, varying on Accept-Encoding, and the plain one otherwise', async () => {
    const brotli = await raw('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toBe('Accept-Encoding');
    expect(brotli.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(brotliDecompressSync(brotli.body).toString()).toBe('console.log(1)');
    expect((await raw('/assets/index-abc123.js', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip');
    const plain = await raw('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe('console.log(1)');
    // An app route gets index.html, compressed too, and still never cached.
    const route = await raw('/products/laddu', { 'accept-encoding': 'br' });
    expect(route.headers['content-encoding']).toBe('br');
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(route.body).toString()).toContain('<title>shop</title>');
  });

  it('answers a repeated request with 304 when the ETag still matches', async () => {
    const first = await raw('/assets/index-abc123.js', { 'accept-encoding': 'br' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await raw('/assets/index-abc123.js', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
  });

  it('answers an app route with index.html, and a missing file with 404', async () => {
    const route = await fetch(`${url}/products/laddu`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>shop</title>');
    expect((await fetch(`${url}/assets/missing.js`)).status).toBe(404);
  });

  it('never serves a file outside the build', async () => {
    const response = await fetch(`${url}/..%2Fsecret.txt`);
    expect(response.status).toBe(404);
  });

  it('tells the app where the sync server is: the host the browser used, the sync port', async () => {
    const response = await fetch(`${url}/config.json`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ syncUrl: 'http://127.0.0.1:4100' });
  });

  it('prefers SYNC_PUBLIC_URL when it is set', () => {
    expect(toSyncUrl({ syncPublicUrl: 'https://sync.example/', syncPort: 4000 }, 'shop.example')).toBe('https://sync.example');
    expect(toSyncUrl({ syncPort: 4000 }, '192.168.1.5:5174')).toBe('http://192.168.1.5:4000');
  });
});
