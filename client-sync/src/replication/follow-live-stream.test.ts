/** The stream's reconnection: backoff doubling and capped, and reconnecting after the server ends a stream. */
import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../transport/create-http-transport';
import type { StreamEvent } from '../transport/sync-protocol';
import { backoffDelay, followLiveStream } from './follow-live-stream';

describe('backoffDelay', () => {
  it.each([
    [0, 1000],
    [1, 2000],
    [3, 8000],
    [10, 30_000],
    [100, 30_000],
  ])('waits up to the doubled, capped delay after %i failures', (failures, ceiling) => {
    expect(backoffDelay(failures, 1000, 30_000, () => 0.999999)).toBe(ceiling);
    expect(backoffDelay(failures, 1000, 30_000, () => 0)).toBe(ceiling / 2);
  });
});

describe('followLiveStream', () => {
  it('reconnects after the server ends the stream, reporting each disconnection and connection', async () => {
    let connections = 0;
    const fetch: FetchLike = async () => {
      connections += 1;
      return new Response(`data: "RESYNC"\n\ndata: {"collection":"products","documents":[],"checkpoint":"c${connections}"}\n\n`, { status: 200 });
    };
    const events: StreamEvent[] = [];
    const connected: boolean[] = [];
    let disconnects = 0;
    const stream = followLiveStream({
      baseUrl: 'http://server',
      collections: ['products'],
      getAccessToken: () => undefined,
      fetch,
      backoff: { initialMs: 1, maxMs: 5 },
      onEvent: (event) => events.push(event),
      onDisconnect: () => (disconnects += 1),
      onConnectedChange: (value) => connected.push(value),
    });
    while (connections < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    await stream.close();
    expect(events.slice(0, 4)).toEqual(['RESYNC', { collection: 'products', documents: [], checkpoint: 'c1' }, 'RESYNC', { collection: 'products', documents: [], checkpoint: 'c2' }]);
    expect(disconnects).toBeGreaterThanOrEqual(2);
    expect(connected.slice(0, 4)).toEqual([true, false, true, false]);
  });

  it('reconnects without an error, after the retry hint, when a server shutting down ends the stream', async () => {
    const attempts: number[] = [];
    const fetch: FetchLike = async () => {
      attempts.push(Date.now());
      // What the sync server writes as it shuts down (stream-hub.ts close with a retry hint).
      return new Response('retry: 2000\ndata: "RESYNC"\n\n: server closing\nretry: 1000\n\n', { status: 200 });
    };
    const disconnections: unknown[] = [];
    const stream = followLiveStream({
      baseUrl: 'http://server',
      collections: ['products'],
      getAccessToken: () => undefined,
      fetch,
      random: () => 0,
      onEvent: () => undefined,
      onDisconnect: (error) => disconnections.push(error),
    });
    while (attempts.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    await stream.close();
    expect(disconnections[0]).toBeUndefined();
    // Half the hint at the least jitter: the client comes back, to whichever server answers then.
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(450);
    expect(attempts[1]! - attempts[0]!).toBeLessThan(1500);
  });

  it('keeps trying, with growing waits, while the server refuses', async () => {
    const attempts: number[] = [];
    const fetch: FetchLike = async () => {
      attempts.push(Date.now());
      return new Response(JSON.stringify({ error: { code: 'DATABASE_UNAVAILABLE', message: 'down' } }), { status: 503 });
    };
    const errors: unknown[] = [];
    const stream = followLiveStream({
      baseUrl: 'http://server',
      collections: ['products'],
      getAccessToken: () => undefined,
      fetch,
      backoff: { initialMs: 10, maxMs: 1000 },
      random: () => 0.999999,
      onEvent: () => undefined,
      onDisconnect: (error) => errors.push(error),
    });
    while (attempts.length < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    await stream.close();
    expect(errors[0]).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
    // Waits of about 10, 20 and 40 ms: the gaps grow.
    const gaps = attempts.slice(1).map((at, i) => at - attempts[i]!);
    expect(gaps[2]!).toBeGreaterThan(gaps[0]!);
  });
});
