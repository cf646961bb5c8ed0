/**
 * A database that stops answering (a lagging majority, a primary gone quiet) must not hang a
 * request: every operation is bounded in time, and the server answers 503 DATABASE_UNAVAILABLE
 * with Retry-After, then serves again once the database answers. MongoDB only (a network between
 * server and database), on the replica set and the standalone, through a proxy that stalls; the
 * bounds come from the URL, which also proves the driver's options pass through it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../scripts/mongo-standin/test-database';
import { creates, pushRows, register, startTestServer, type Session, type TestServer } from './http-server';
import { startStallingProxy, type StallingProxy } from './stalling-proxy';

/** Pure: the same database through the proxy, with short bounds (a direct connection: the proxy is the only host). */
function throughProxy(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.host = `127.0.0.1:${port}`;
  parsed.searchParams.delete('replicaSet');
  const bounds = { directConnection: 'true', socketTimeoutMS: '1500', serverSelectionTimeoutMS: '1500', waitQueueTimeoutMS: '1500', wtimeoutMS: '1000' };
  for (const [name, value] of Object.entries(bounds)) parsed.searchParams.set(name, value);
  return parsed.toString();
}

describe('a database that stops answering', () => {
  let proxy: StallingProxy;
  let server: TestServer;
  let shopper: Session;

  beforeAll(async () => {
    const database = testDatabase();
    if (database.kind !== 'mongodb') throw new Error('database-timeouts.test.ts runs in the MongoDB projects only (vitest.config.ts)');
    const target = new URL(database.url);
    proxy = await startStallingProxy({ host: target.hostname, port: Number(target.port || 27017) });
    server = await startTestServer({ routeDatabase: (url) => throughProxy(url, proxy.port) });
    shopper = await register(server, 'patient@example.com');
  });

  afterAll(async () => {
    proxy.resume();
    await server?.close();
    await proxy?.close();
  });

  it('answers a push 503 DATABASE_UNAVAILABLE with Retry-After within the bounds, then serves again', async () => {
    proxy.stall();
    const started = Date.now();
    const stalled = await pushRows(server, 'carts', creates({ id: 'cart-while-stalled' }), shopper.accessToken);
    const waited = Date.now() - started;
    expect(stalled.status).toBe(503);
    expect(stalled.body.error?.code).toBe('DATABASE_UNAVAILABLE');
    // About one socket timeout (1.5 s), never the driver's defaults (30 s, or forever).
    expect(waited).toBeLessThan(8_000);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(503);
    expect(Number(health.headers.get('retry-after'))).toBeGreaterThan(0);

    proxy.resume();
    let served: Awaited<ReturnType<typeof pushRows>> | undefined;
    for (let attempt = 0; attempt < 40; attempt++) {
      served = await pushRows(server, 'carts', creates({ id: 'cart-after-stall' }), shopper.accessToken);
      if (served.status === 200) break;
      await new Promise((done) => setTimeout(done, 250));
    }
    expect(served!.status).toBe(200);
    expect(served!.body.rejections).toEqual([]);
  });
});
