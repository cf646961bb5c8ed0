/**
 * What the access logger holds on to: a response can live long (a live stream, for hours; any
 * answer, while its bytes drain), and whatever the logger keeps for it lives as long.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../logging/create-logger';
import { logRequests } from './log-requests';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

describe('logRequests', () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  it("lets go of a request's context and answer once its middleware are done, while the response lives on", async () => {
    const responses: http.ServerResponse[] = [];
    let body: WeakRef<object> | undefined;
    const app = new Koa();
    app.use(logRequests(createSilentLogger()));
    app.use((ctx) => {
      const answer = { documents: Array.from({ length: 100 }, (_, i) => ({ id: `doc-${i}`, text: 'x'.repeat(100) })) };
      body = new WeakRef(answer);
      responses.push(ctx.res); // as a live stream's hub, or a slow socket, keeps it
      ctx.body = answer;
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((done) => server!.once('listening', done));
    const { port } = server.address() as AddressInfo;
    const answer = await fetch(`http://127.0.0.1:${port}/`);
    expect(((await answer.json()) as { documents: unknown[] }).documents).toHaveLength(100);

    await new Promise((done) => setImmediate(done));
    collectGarbage();
    expect(responses).toHaveLength(1);
    expect(body!.deref()).toBeUndefined();
  });
});
