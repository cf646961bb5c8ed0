/**
 * shutDown() on the real app, in-process: a request on a kept-alive connection is answered 503
 * with Connection: close (never reset), the request in flight finishes, a live stream ends with
 * its reconnection hint, no new connection is accepted; and past the timeout, what is still open
 * is cut and the database closed anyway. The whole process under SIGTERM: sigterm-under-load.test.ts.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readRawStream } from './sse-client';
import { createSilentLogger } from '../src/logging/create-logger';
import { shutDown, streamReconnectMs } from '../src/shutdown/shut-down';
import type { Storage } from '../src/storage/port';
import { startTestServer, type TestServer } from './http-server';

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** One HTTP/1.1 connection kept open between requests, as a browser or a proxy keeps one. */
async function openConnection(url: string): Promise<{ request(path: string): Promise<RawAnswer>; readonly closed: Promise<void> }> {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  let buffer = '';
  let waiting: (() => void) | undefined;
  socket.on('data', (chunk) => {
    buffer += String(chunk);
    waiting?.();
  });
  return {
    closed,
    async request(path) {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end >= 0) {
          const [statusLine, ...lines] = buffer.slice(0, end).split('\r\n');
          const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
          const length = Number(headers['content-length']);
          if (buffer.length >= end + 4 + length) {
            const body = buffer.slice(end + 4, end + 4 + length);
            buffer = buffer.slice(end + 4 + length);
            return { status: Number(statusLine!.split(' ')[1]), headers, body };
          }
        }
        await new Promise<void>((resolve) => (waiting = resolve));
      }
    },
  };
}

/** Resolves whether a new connection to the server is accepted (false: refused). */
function acceptsConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Makes /health's database call wait for the returned release (a request held in flight). */
function holdHealthChecks(storage: Storage): () => void {
  const original = storage.latestCheckpoint.bind(storage);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  (storage as { latestCheckpoint: Storage['latestCheckpoint'] }).latestCheckpoint = async (collection) => {
    await gate;
    return original(collection);
  };
  return release;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('shutting down', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });

  it('answers a request on a kept-alive connection with 503 and Connection: close, finishes the one in flight and ends streams with a retry hint', async () => {
    const server = await startTestServer({ seed: false });
    servers.push(server);
    const connection = await openConnection(server.url);
    expect((await connection.request('/shop')).status).toBe(200);
    const stream = await readRawStream(`${server.url}/sync/stream?collections=products`);
    await until(() => stream.text().includes('RESYNC'));
    const release = holdHealthChecks(server.storage);
    const inFlight = fetch(`${server.url}/health`);
    await until(() => server.drain.inFlight === 1);

    const shutdown = shutDown({ server: server.httpServer, drain: server.drain, hub: server.hub, storage: server.storage, logger: createSilentLogger(), timeoutMs: 5000 });
    const refused = await connection.request('/shop');
    expect(refused.status).toBe(503);
    expect(refused.headers).toMatchObject({ connection: 'close', 'retry-after': '1' });
    expect(JSON.parse(refused.body)).toEqual({ error: { code: 'SHUTTING_DOWN', message: expect.any(String) } });
    await connection.closed;
    expect(await stream.ended).toBe('ended');
    expect(stream.text().endsWith(`: server closing\nretry: ${streamReconnectMs}\n\n`)).toBe(true);
    expect(await acceptsConnections(server.url)).toBe(false);

    release();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.headers.get('connection')).toBe('close');
    expect(await shutdown).toMatchObject({ forced: false });
  });

  it('cuts what is still open when the time runs out, and closes the database all the same', async () => {
    const server = await startTestServer({ seed: false });
    servers.push(server);
    holdHealthChecks(server.storage);
    const stuck = fetch(`${server.url}/health`).then(
      () => 'answered',
      () => 'cut',
    );
    await until(() => server.drain.inFlight === 1);
    let closedDatabase = false;
    const started = Date.now();
    const result = await shutDown({
      server: server.httpServer,
      drain: server.drain,
      hub: server.hub,
      storage: { close: async () => void (closedDatabase = true) },
      logger: createSilentLogger(),
      timeoutMs: 300,
    });
    expect(result.forced).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await stuck).toBe('cut');
    expect(closedDatabase).toBe(true);
  });
});
