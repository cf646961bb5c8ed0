/**
 * Three real sync-server processes on one database of the project's kind, as a deployment behind
 * a load balancer runs them: one signing key, the first admin created once, writes through any
 * process reaching live streams on all, pulls that never skip a write while all three write, and
 * a sign-out on one process ending the session's streams on the others.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminEmail, adminPassword, creates, pullAll, pullOnce, pushRows, register, signInAdmin, update, type Doc, type Session } from './http-server';
import { clientOf, startServer, type ListeningServer } from './server-process';
import { isChange, openStream, type ChangeEvent, type SseConnection } from './sse-client';
import { dropDatabase, freshDatabaseUrl } from './test-storage';

/**
 * How long a change written through one process may take to reach another's stream. Processes on
 * a MongoDB standalone (no change streams) and on one SQLite file find each other's writes by
 * polling every second; on a replica set a change stream tells them at once.
 */
const acrossProcessesMs = 8_000;
const signInLimit = 10;

describe('several server processes on one database', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-processes-'));
  const databaseUrl = freshDatabaseUrl(folder);
  const servers: ListeningServer[] = [];
  const streams: SseConnection[] = [];
  let admin: Session;

  beforeAll(async () => {
    // One configured key for all, as production requires: a token signed by one process is
    // accepted by the others. Each process still has its own data folder.
    const { privateKey } = generateKeyPairSync('ed25519');
    const shared = {
      DATABASE_URL: databaseUrl,
      JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
      // Behind a proxy, as a load-balanced deployment is: the limit test below has its own address.
      TRUST_PROXY: 'true',
      AUTH_RATE_LIMIT_PER_MINUTE: String(signInLimit),
    };
    // Started together, on purpose: three processes meeting one empty database at once is what a
    // first deployment does (collections, indexes, first admin and demo catalogue all race).
    const started = await Promise.allSettled(
      [1, 2, 3].map((n) => startServer({ ...shared, DATA_DIR: join(folder, `process-${n}`) }, folder, 60_000)),
    );
    for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    admin = await signInAdmin(clientOf(servers[0]!));
  }, 90_000);

  afterAll(async () => {
    for (const stream of streams.splice(0)) stream.close();
    // SIGTERM first so each closes its database connections; SIGKILL whatever does not exit.
    await Promise.all(servers.map((server) => Promise.race([server.stop(), new Promise((r) => setTimeout(r, 5_000))])));
    for (const server of servers.splice(0)) server.kill();
    await dropDatabase(databaseUrl);
    rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  it('creates the first admin once although the processes start together', () => {
    const creators = servers.filter((server) => /first admin: .* created/.test(server.output()));
    expect(creators).toHaveLength(1);
  });

  it('carries a write made through any process to live streams on all three', async () => {
    const live = await Promise.all(servers.map((server) => openStream(`${server.url}/sync/stream?collections=products`)));
    streams.push(...live);
    for (const stream of live) await stream.next((event) => event === 'RESYNC');

    const id = 'p-everywhere';
    // Process 1 creates it, process 2 and then process 3 change its price; every stream, on every
    // process, must deliver every one of the three states.
    let price = 100;
    await expectNoRefusal(pushRows(clientOf(servers[0]!), 'products', creates({ id, name: 'Everywhere', slug: 'everywhere', price, categoryId: 'cat-books', stock: 5 }), admin.accessToken));
    for (let turn = 0; turn < servers.length; turn++) {
      if (turn > 0) {
        const current = await currentState(servers[turn]!, id);
        price = 100 * (turn + 1);
        await expectNoRefusal(pushRows(clientOf(servers[turn]!), 'products', update(current, { price }), admin.accessToken));
      }
      const delivered = await Promise.all(
        live.map((stream) => stream.next(isChange('products', (doc) => doc.id === id && doc.price === price), acrossProcessesMs)),
      );
      for (const event of delivered) expect((event as ChangeEvent).checkpoint).toMatch(/^v1\./);
    }
  });

  it('never lets a reader’s checkpoint pass a write while all three processes write at once', async () => {
    const rounds = 8;
    const latestPrice = new Map<string, number>();
    let writing = true;

    // Each process is one writer: small batches of new products, and a change of one of them made
    // through the next process, so every process both creates and updates concurrently.
    const writer = async (w: number): Promise<void> => {
      for (let round = 0; round < rounds; round++) {
        const ids = [`w${w}-r${round}-a`, `w${w}-r${round}-b`];
        const batch = creates(...ids.map((id) => ({ id, name: id, slug: id, price: 10 + round, categoryId: 'cat-books', stock: 1 })));
        await expectNoRefusal(pushRows(clientOf(servers[w]!), 'products', batch, admin.accessToken));
        for (const id of ids) latestPrice.set(id, 10 + round);
        const through = servers[(w + 1) % servers.length]!;
        const current = await currentState(through, ids[0]!);
        await expectNoRefusal(pushRows(clientOf(through), 'products', update(current, { price: 1000 + round }), admin.accessToken));
        latestPrice.set(ids[0]!, 1000 + round);
      }
    };

    // The reader pages forward in pages of three, through a different process each time, from the
    // checkpoint the last page gave. It stops after a page that started once every write was
    // acknowledged and brought nothing: by then it must hold everything.
    const replica = new Map<string, Doc>();
    let pages = 0;
    const reader = async (): Promise<void> => {
      let checkpoint: string | undefined;
      for (;;) {
        const after = !writing;
        const server = servers[pages++ % servers.length]!;
        const { status, body } = await pullOnce(clientOf(server), 'products', { token: admin.accessToken, checkpoint, limit: 3 });
        expect(status).toBe(200);
        for (const doc of body.documents) replica.set(doc.id, doc);
        checkpoint = body.checkpoint;
        if (after && body.documents.length === 0) return;
        await new Promise((r) => setTimeout(r, 10));
      }
    };

    const writers = Promise.all(servers.map((_, w) => writer(w))).finally(() => (writing = false));
    await Promise.all([reader(), writers]);

    const fromScratch = (await pullAll(clientOf(servers[1]!), 'products', { token: admin.accessToken })).replica;
    expect(latestPrice.size).toBe(rounds * servers.length * 2);
    for (const [id, price] of latestPrice) expect({ id, price: replica.get(id)?.price }).toEqual({ id, price });
    expect(sortedById(replica)).toEqual(sortedById(fromScratch));
    expect(pages).toBeGreaterThan(latestPrice.size / 3);
  }, 120_000);

  it('holds the sign-in limit across the processes: attempts spread over all three count together', async () => {
    const attempt = (server: ListeningServer) =>
      fetch(`${server.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.77' },
        body: JSON.stringify({ email: 'guesser@example.com', password: 'a guess' }),
      }).then((response) => response.status);
    const statuses: number[] = [];
    for (let i = 0; i < signInLimit; i++) statuses.push(await attempt(servers[i % servers.length]!));
    expect(statuses).toEqual(Array(signInLimit).fill(401));
    // Each process has seen only three or four of them; the count is the database's.
    expect(await Promise.all(servers.map(attempt))).toEqual([429, 429, 429]);
    // Each refused sign-in still hashes a password (no timing tells an unknown email), one after
    // another: on a loaded two-core machine that alone took 18 s of the default 20.
  }, 60_000);

  it('ends a session’s streams on every process when it signs out through another', async () => {
    const shopper = await register(clientOf(servers[0]!), 'shopper@example.com', 'Shopper');
    const [onSecond, onThird] = await Promise.all(
      [servers[1]!, servers[2]!].map((server) => openStream(`${server.url}/sync/stream?collections=cart_items`, shopper.accessToken)),
    );
    streams.push(onSecond!, onThird!);
    await Promise.all([onSecond!, onThird!].map((stream) => stream.next((event) => event === 'RESYNC')));

    const logout = await fetch(`${servers[0]!.url}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${shopper.accessToken}` } });
    expect(logout.status).toBe(204);
    const ended = await Promise.all([onSecond!, onThird!].map((stream) => within(stream.ended.then(() => true), acrossProcessesMs, false)));
    expect(ended).toEqual([true, true]);

    // And the token itself is refused everywhere, although it has not expired.
    const refused = await pullOnce(clientOf(servers[2]!), 'cart_items', { token: shopper.accessToken });
    expect(refused.status).toBe(401);
    expect(refused.body.error?.code).toBe('SESSION_ENDED');
  });

  /** The product as stored now: a push assuming no document answers with it as a conflict. */
  async function currentState(server: ListeningServer, id: string): Promise<Doc> {
    const answer = await pushRows(clientOf(server), 'products', [{ assumedMasterState: null, newDocumentState: { id } }], admin.accessToken);
    expect(answer.body.conflicts).toHaveLength(1);
    return answer.body.conflicts[0]!;
  }
});

async function expectNoRefusal(answer: Promise<{ status: number; body: unknown }>): Promise<void> {
  const { status, body } = await answer;
  expect({ status, body }).toEqual({ status: 200, body: { conflicts: [], rejections: [] } });
}

function within<T>(promise: Promise<T>, ms: number, otherwise: T): Promise<T> {
  return Promise.race([promise, new Promise<T>((resolve) => setTimeout(() => resolve(otherwise), ms).unref())]);
}

function sortedById(documents: ReadonlyMap<string, Doc>): Doc[] {
  return [...documents.values()].sort((a, b) => a.id.localeCompare(b.id));
}
