/** The transport's requests and its one error model: every failure is a SyncHttpError with a stable code. */
import { describe, expect, it } from 'vitest';
import { createHttpTransport, type FetchLike } from './create-http-transport';
import { isAuthError, SyncHttpError } from './sync-http-error';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function recording(answer: () => Response | Promise<Response>): { fetch: FetchLike; calls: Array<{ url: string; init: RequestInit | undefined }> } {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      return answer();
    },
  };
}

const rejectionOf = async (promise: Promise<unknown>): Promise<SyncHttpError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SyncHttpError);
  return error as SyncHttpError;
};

describe('createHttpTransport', () => {
  it('pulls with the checkpoint and limit, and the Bearer token when there is one', async () => {
    const { fetch, calls } = recording(() => json(200, { documents: [{ id: 'p1', _deleted: false }], checkpoint: 'c2' }));
    const transport = createHttpTransport({ baseUrl: 'https://shop.example/api/', fetch, getAccessToken: () => 'token-1' });
    await expect(transport.pull('products', 'c1', 50)).resolves.toEqual({ documents: [{ id: 'p1', _deleted: false }], checkpoint: 'c2' });
    expect(calls[0]!.url).toBe('https://shop.example/api/sync/products/pull?limit=50&checkpoint=c1');
    expect(calls[0]!.init?.headers).toEqual({ authorization: 'Bearer token-1', 'x-oa-protocol': '1' });
  });

  it('pulls anonymously without a checkpoint on a first sync', async () => {
    const { fetch, calls } = recording(() => json(200, { documents: [], checkpoint: 'c0' }));
    const transport = createHttpTransport({ baseUrl: 'http://127.0.0.1:1', fetch, getAccessToken: async () => undefined });
    await transport.pull('categories', undefined, 100);
    expect(calls[0]!.url).toBe('http://127.0.0.1:1/sync/categories/pull?limit=100');
    expect(calls[0]!.init?.headers).toEqual({ 'x-oa-protocol': '1' });
  });

  it('pushes the rows as JSON and returns conflicts and rejections', async () => {
    const answer = { conflicts: [{ id: 'p1', _deleted: false, price: 10 }], rejections: [{ id: 'p1', code: 'FORBIDDEN', message: 'no' }] };
    const { fetch, calls } = recording(() => json(200, answer));
    const transport = createHttpTransport({ baseUrl: 'http://server', fetch, getAccessToken: () => 't' });
    const rows = [{ assumedMasterState: null, newDocumentState: { id: 'p1', _deleted: false } }];
    await expect(transport.push('products', rows)).resolves.toEqual(answer);
    expect(calls[0]!.url).toBe('http://server/sync/products/push');
    expect(calls[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual(rows);
  });

  it.each([
    [401, 'TOKEN_EXPIRED', true],
    [401, 'SESSION_ENDED', true],
    [403, 'FORBIDDEN', false],
    [404, 'UNKNOWN_COLLECTION', false],
    [400, 'BAD_CHECKPOINT', false],
    [503, 'DATABASE_UNAVAILABLE', false],
  ])('maps a %i %s answer to its code and status', async (status, code, auth) => {
    const { fetch } = recording(() => json(status, { error: { code, message: 'people read this' } }));
    const transport = createHttpTransport({ baseUrl: 'http://server', fetch, getAccessToken: () => 't' });
    const error = await rejectionOf(transport.pull('orders', undefined, 10));
    expect(error).toMatchObject({ status, code, message: 'people read this' });
    expect(isAuthError(error)).toBe(auth);
  });

  it('keeps Retry-After of a 429', async () => {
    const { fetch } = recording(() => json(429, { error: { code: 'TOO_MANY_REQUESTS', message: 'slow down' } }, { 'retry-after': '30' }));
    const transport = createHttpTransport({ baseUrl: 'http://server', fetch, getAccessToken: () => 't' });
    expect(await rejectionOf(transport.push('orders', []))).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 30 });
  });

  it('gives an error without a JSON body a stable code', async () => {
    const { fetch } = recording(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const transport = createHttpTransport({ baseUrl: 'http://server', fetch, getAccessToken: () => 't' });
    expect(await rejectionOf(transport.pull('products', undefined, 10))).toMatchObject({ status: 502, code: 'HTTP_ERROR' });
  });

  it('turns a failed request into NETWORK_ERROR, keeping the cause', async () => {
    const cause = new TypeError('fetch failed');
    const transport = createHttpTransport({ baseUrl: 'http://server', fetch: () => Promise.reject(cause), getAccessToken: () => 't' });
    const error = await rejectionOf(transport.pull('products', undefined, 10));
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    expect(error.cause).toBe(cause);
  });

  it('refuses an answer that is not the protocol shape', async () => {
    const { fetch } = recording(() => json(200, { documents: 'nope' }));
    const transport = createHttpTransport({ baseUrl: 'http://server', fetch, getAccessToken: () => 't' });
    expect(await rejectionOf(transport.pull('products', undefined, 10))).toMatchObject({ code: 'BAD_RESPONSE' });
    const { fetch: fetchPush } = recording(() => json(200, { conflicts: [], rejections: [{ id: 'x' }] }));
    const pushTransport = createHttpTransport({ baseUrl: 'http://server', fetch: fetchPush, getAccessToken: () => 't' });
    expect(await rejectionOf(pushTransport.push('products', []))).toMatchObject({ code: 'BAD_RESPONSE' });
  });
});
