/**
 * JSON answers are compressed as the client accepts (brotli, gzip), the same document either way;
 * small answers and the live stream are sent as they are.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './http-server';

describe('compression', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  /** A raw GET (fetch would decode the body): status, headers and the first bytes as sent. */
  const get = (path: string, headers: Record<string, string> = {}, firstChunkOnly = false) =>
    new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const sent = request(`${server.url}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (firstChunkOnly) {
            sent.destroy();
            resolve({ headers: response.headers, body: Buffer.concat(chunks) });
          }
        });
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      });
      sent.on('error', (error) => (firstChunkOnly ? undefined : reject(error)));
      sent.end();
    });

  it('sends a pull page brotli- or gzip-compressed as accepted, and plain otherwise, the same JSON each way', async () => {
    const plain = await get('/sync/products/pull?limit=1000');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const expected = JSON.parse(plain.body.toString());
    expect(expected.documents.length).toBeGreaterThan(5);

    const brotli = await get('/sync/products/pull?limit=1000', { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toMatch(/Accept-Encoding/);
    expect(JSON.parse(brotliDecompressSync(brotli.body).toString())).toEqual(expected);
    expect(brotli.body.length).toBeLessThan(plain.body.length / 3);

    const gzip = await get('/sync/products/pull?limit=1000', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.body).toString())).toEqual(expected);
  });

  it('leaves small answers and the live stream uncompressed', async () => {
    expect((await get('/health', { 'accept-encoding': 'br' })).headers['content-encoding']).toBeUndefined();
    const stream = await get('/sync/stream?collections=products', { 'accept-encoding': 'br, gzip' }, true);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.headers['content-encoding']).toBeUndefined();
    expect(stream.body.toString()).toContain('RESYNC');
  });
});
