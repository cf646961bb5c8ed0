/** The fetch-based stream reader: Bearer header, events across chunks, refusals as SyncHttpError, abort ends it quietly. */
import { describe, expect, it } from 'vitest';
import type { FetchLike } from './create-http-transport';
import { readEventStream } from './read-event-stream';
import { SyncHttpError } from './sync-http-error';
import type { StreamEvent } from './sync-protocol';

/** A streaming 200 whose body is the given chunks, then stays open unless `end`. */
function streaming(chunks: string[], end = true): { fetch: FetchLike; requests: Array<{ url: string; init: RequestInit | undefined }> } {
  const requests: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetch: FetchLike = async (url, init) => {
    requests.push({ url, init });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        if (end) controller.close();
        init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
  return { fetch, requests };
}

describe('readEventStream', () => {
  it('asks for the collections with the Bearer token and yields parsed events split across chunks', async () => {
    const { fetch, requests } = streaming(['data: "RESY', 'NC"\n\n: ping\n\ndata: {"collection":"products",', '"documents":[{"id":"p1","_deleted":true}],"checkpoint":"c9"}\n\n']);
    const events: StreamEvent[] = [];
    const controller = new AbortController();
    for await (const event of readEventStream({ baseUrl: 'http://server/', collections: ['products', 'cart_items'], getAccessToken: () => 'tok', fetch, signal: controller.signal })) {
      events.push(event);
    }
    expect(requests[0]!.url).toBe('http://server/sync/stream?collections=products,cart_items');
    expect(requests[0]!.init?.headers).toMatchObject({ authorization: 'Bearer tok', accept: 'text/event-stream', 'x-oa-protocol': '1' });
    expect(events).toEqual(['RESYNC', { collection: 'products', documents: [{ id: 'p1', _deleted: true }], checkpoint: 'c9' }]);
  });

  it('ends quietly when aborted while waiting for events', async () => {
    const { fetch } = streaming(['data: "RESYNC"\n\n'], false);
    const controller = new AbortController();
    const events: StreamEvent[] = [];
    for await (const event of readEventStream({ baseUrl: 'http://server', collections: ['products'], getAccessToken: () => undefined, fetch, signal: controller.signal })) {
      events.push(event);
      controller.abort();
    }
    expect(events).toEqual(['RESYNC']);
  });

  it('throws the server’s refusal as a SyncHttpError', async () => {
    const fetch: FetchLike = async () => new Response(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Sign in' } }), { status: 401 });
    const reading = readEventStream({ baseUrl: 'http://server', collections: ['orders'], getAccessToken: () => undefined, fetch, signal: new AbortController().signal });
    await expect(reading.next()).rejects.toMatchObject({ name: 'SyncHttpError', status: 401, code: 'UNAUTHENTICATED' });
  });

  it('ends the connection with BAD_EVENT on an event it cannot read, so the reconnection resyncs', async () => {
    const { fetch } = streaming(['data: {not json\n\n']);
    const reading = readEventStream({ baseUrl: 'http://server', collections: ['products'], getAccessToken: () => undefined, fetch, signal: new AbortController().signal });
    const error = await reading.next().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SyncHttpError);
    expect(error).toMatchObject({ code: 'BAD_EVENT' });
  });
});
