import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeFeed } from '../storage/port';
import { createStreamHub, type StreamHub } from './stream-hub';

/** A real HTTP server whose every request becomes a stream of the hub (the route's part, bare). */
async function serve(hub: StreamHub): Promise<{ url: string; errors: unknown[]; close: () => Promise<void> }> {
  const errors: unknown[] = [];
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8' });
    try {
      hub.attach({ caller: { role: 'anonymous' } as never, collections: ['products'], response: res, endsAt: undefined, sessionId: undefined, address: '127.0.0.1' });
    } catch (error) {
      errors.push(error);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    errors,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Reads a stream until its connection ends (or gives up), returning what arrived. */
function readUntilEnd(url: string, giveUpMs: number): Promise<{ text: string; ended: boolean }> {
  return new Promise((done) => {
    let text = '';
    const request = http.get(url, { agent: false }, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => done({ text, ended: true }));
      response.on('error', () => done({ text, ended: true }));
    });
    request.on('error', () => done({ text, ended: true }));
    setTimeout(() => {
      request.destroy();
      done({ text, ended: false });
    }, giveUpMs);
  });
}

const quietFeed: ChangeFeed = { subscribe: () => () => {} } as unknown as ChangeFeed;
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('stream hub', () => {
  it('holds a stream until its client hangs up, then lets it go', async () => {
    const hub = createStreamHub(quietFeed);
    const server = await serve(hub);
    stop = server.close;
    const read = await readUntilEnd(server.url, 300);
    expect(read.text).toContain('data: "RESYNC"');
    expect(read.ended).toBe(false);
    await expect.poll(() => hub.size).toBe(0);
    hub.close();
  });

  it('ends a stream that could not start instead of leaving its client waiting', async () => {
    const broken = { subscribe: () => { throw new Error('feed unavailable'); } } as unknown as ChangeFeed;
    const hub = createStreamHub(broken);
    const server = await serve(hub);
    stop = server.close;
    const read = await readUntilEnd(server.url, 2000);
    expect(read.ended).toBe(true);
    expect(read.text).not.toContain('RESYNC');
    expect(hub.size).toBe(0);
    expect(server.errors).toHaveLength(1);
    expect(hub.admits('127.0.0.1')).toBe(true);
    hub.close();
  });
});
