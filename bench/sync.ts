/**
 * Sync server benchmark through real HTTP against the real server process (not a timed test: it
 * prints figures). Two parts:
 *   1. the peers' workload (peers/peers-workload.ts): the 10,000-product dataset other offline-first
 *      servers were measured on, pulled by a shopper in pages of 100 and 1,000 beside a bare
 *      Koa + SQLite pager, 2,000 products pushed in batches of 100, and one admin write reaching
 *      100 and 1,000 open streams with the memory each idle stream costs;
 *   2. this platform's own figures on its catalogue: a full pull in pages of 1,000, cart lines
 *      pushed, orders placed per second by ten shoppers, and the worst push the limits allow.
 *   npm run bench:sync            BENCH_STREAMS=100 npm run bench:sync   (a quicker look)
 * MongoDB mode, when DATABASE_URL is a mongodb:// URL naming a throwaway database (its name must
 * contain "bench": the bench drops it, fills it and drops it again): only part 2, after the MongoDB
 * round trips per operation counted in the server process (mongo-round-trips.ts), the figures that
 * carry over from the stand-in to MongoDB; the timed figures on the stand-in do not.
 *   DATABASE_URL='mongodb://127.0.0.1:27100/oa_bench?replicaSet=rs0' npm run bench:sync
 *   BENCH_ROUND_TRIPS_ONLY=true BENCH_PRODUCTS=2000 …   (only the round trips, on a smaller catalogue)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { databaseNameFromUrl, parseDatabaseUrl } from '../sync-server/src/storage';
import { formatRoundTrips, measureRoundTrips, type RoundTripOptions, type RoundTripReport } from './mongo-round-trips';
import { percentile } from './figures';
import { prepareCatalogue, writeCatalogue } from './prepare-catalogue';
import { runPeersWorkload } from './peers/peers-workload';
import { benchProduct } from './product-fixture';
import { pullPages } from './pull-pages';
import { closeJsonRequests, requestJson } from './request-json';
import { startServer } from './start-server';

export interface SyncBenchOptions {
  readonly products: number;
  readonly pushDocs: number;
  readonly orders: number;
  /** Orders of 50 lines in the one worst push (the limits allow 500). */
  readonly heavyOrders: number;
  readonly log: (line: string) => void;
  /** A mongodb:// URL: the MongoDB mode (round trips first). Without it, embedded SQLite. */
  readonly mongodbUrl?: string;
  /** MongoDB mode: how the round trips are counted (defaults: 3 repeats, 10 s idle, 500 ms settle), and whether only they run. */
  readonly roundTrips?: Partial<Pick<RoundTripOptions, 'repeats' | 'idleSeconds' | 'settleMs'>> & { readonly only?: boolean };
}

export interface SyncBenchResult {
  /** MongoDB mode only. With `roundTrips.only`, the timed figures below are NaN. */
  readonly roundTrips?: RoundTripReport;
  readonly pullDocsPerSecond: number;
  readonly pushDocsPerSecond: number;
  readonly ordersPerSecond: number;
}

const adminPassword = 'bench admin password 1234';

/** MongoDB mode: a fresh bench database holding the catalogue; the returned function drops it. */
async function prepareMongoCatalogue(url: string, products: number): Promise<() => Promise<void>> {
  const databaseName = databaseNameFromUrl(url);
  if (!databaseName.includes('bench')) {
    throw new Error(`the sync bench drops and refills the database it is given; name a throwaway one with "bench" in it (mongodb://host/oa_bench), not "${databaseName}"`);
  }
  // Loaded only here: the SQLite mode never loads the driver.
  const { dropMongoDatabase } = await import('../sync-server/src/storage/mongodb/drop-database');
  const { createStorage } = await import('../sync-server/src/storage/create-storage');
  await dropMongoDatabase(url, databaseName);
  const storage = await createStorage(parseDatabaseUrl(url));
  try {
    await writeCatalogue(storage, products);
  } finally {
    await storage.close();
  }
  return () => dropMongoDatabase(url, databaseName);
}

export async function runSyncBench(options: SyncBenchOptions): Promise<SyncBenchResult> {
  const { mongodbUrl } = options;
  const folder = mkdtempSync(join(tmpdir(), 'oa-bench-sync-'));
  const dbPath = join(folder, 'bench.db');
  let dropDatabase: (() => Promise<void>) | undefined;
  if (mongodbUrl) dropDatabase = await prepareMongoCatalogue(mongodbUrl, options.products);
  else await prepareCatalogue(dbPath, options.products);
  const server = await startServer(
    {
      DATABASE_URL: mongodbUrl ?? `file:${dbPath}`,
      DATA_DIR: folder,
      ADMIN_PASSWORD: adminPassword,
      SEED_DEMO_CATALOG: 'false',
      SYNC_DIAGNOSTICS: 'true',
    },
    // MongoDB mode: the same main.ts, with every MongoDB command counted in that process.
    mongodbUrl ? { entry: join(import.meta.dirname, 'command-counting-server.ts') } : {},
  );
  try {
    let roundTrips: RoundTripReport | undefined;
    if (mongodbUrl) {
      roundTrips = await measureRoundTrips(server, { products: options.products, adminPassword, repeats: 3, idleSeconds: 10, settleMs: 500, ...options.roundTrips });
      for (const line of formatRoundTrips(roundTrips)) options.log(line);
      if (options.roundTrips?.only) return { roundTrips, pullDocsPerSecond: NaN, pushDocsPerSecond: NaN, ordersPerSecond: NaN };
      options.log('Times (on the MongoDB stand-in, the in-memory Java test double\'s: they say nothing about MongoDB):');
    }
    const log = mongodbUrl ? (line: string) => options.log(`  ${line}`) : options.log;
    // The round trips' pushes added products, which the pull below also reads.
    const products = options.products + (roundTrips?.productsAdded ?? 0);
    // 1. The initial pull a new shopper's replica makes (anonymous: the visibility policy applies).
    await pullPages(server.url, { limit: 1000 });
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const count = (await pullPages(server.url, { limit: 1000 })).documents.length;
      best = Math.min(best, performance.now() - started);
      if (count !== products) throw new Error(`pulled ${count} of ${products}`);
    }
    const pullDocsPerSecond = products / (best / 1000);
    log(`initial pull of ${products} products in pages of 1,000: ${Math.round(pullDocsPerSecond)} documents/s (${best.toFixed(0)} ms)`);

    // 2. Plain documents pushed: a shopper's cart lines, in pushes of 500.
    const shopper = await requestJson(`${server.url}/auth/register`, { method: 'POST', body: { email: 'bench@example.com', password: 'bench password 123', name: 'Bench' } });
    let started = performance.now();
    for (let i = 0; i < options.pushDocs; i += 500) {
      const rows = Array.from({ length: Math.min(500, options.pushDocs - i) }, (_, j) => ({
        assumedMasterState: null,
        newDocumentState: { id: `ci-${i + j}`, _deleted: false, cartId: 'cart-bench', productId: benchProduct((i + j) % options.products).id, quantity: 1 + ((i + j) % 5) },
      }));
      const answer = await requestJson(`${server.url}/sync/cart_items/push`, { method: 'POST', body: rows, token: shopper.accessToken });
      if (answer.rejections.length || answer.conflicts.length) throw new Error(`push refused rows: ${JSON.stringify(answer).slice(0, 300)}`);
    }
    const pushDocsPerSecond = options.pushDocs / ((performance.now() - started) / 1000);
    log(`documents pushed (cart lines, 500 a push): ${Math.round(pushDocsPerSecond)} documents/s (${options.pushDocs})`);

    // 3. Orders placed: ten shoppers at once, one order of two lines per push.
    const buyers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => requestJson(`${server.url}/auth/register`, { method: 'POST', body: { email: `buyer${i}@example.com`, password: 'bench password 123', name: `Buyer ${i}` } })),
    );
    const address = { name: 'Bench', phone: '9876543210', line1: '1 Road', city: 'Annavaram', state: 'AP', pincode: '533406' };
    // One round to warm the server up, then three measured: the median round is reported, and
    // the p99 latency over every measured order.
    const orderLatencies: number[] = [];
    const placeRound = async (round: number): Promise<number> => {
      const began = performance.now();
      await Promise.all(
        buyers.map(async (buyer, b) => {
          for (let i = b; i < options.orders; i += buyers.length) {
            const items = [{ productId: benchProduct(i % options.products).id, quantity: 1 }, { productId: benchProduct((i * 7 + 1) % options.products).id, quantity: 2 }];
            const sent = performance.now();
            const answer = await requestJson(`${server.url}/sync/orders/push`, {
              method: 'POST',
              token: buyer.accessToken,
              body: [{ assumedMasterState: null, newDocumentState: { id: `order-${round}-${i}`, _deleted: false, items, shippingAddress: address, paymentMethod: 'cod' } }],
            });
            if (answer.rejections.length || answer.conflicts.length) throw new Error(JSON.stringify(answer));
            if (round > 0) orderLatencies.push(performance.now() - sent);
          }
        }),
      );
      return options.orders / ((performance.now() - began) / 1000);
    };
    await placeRound(0);
    const rounds = [await placeRound(1), await placeRound(2), await placeRound(3)].sort((a, b) => a - b);
    const ordersPerSecond = rounds[1]!;
    const placed = options.orders * rounds.length;
    orderLatencies.sort((a, b) => a - b);
    const orderP99 = percentile(orderLatencies, 99);
    log(`orders placed (10 shoppers at once): ${Math.round(ordersPerSecond)} orders/s (median of 3 rounds of ${options.orders}, after one to warm up; rounds ${rounds.map(Math.round).join(', ')}), p99 latency ${orderP99.toFixed(1)} ms over ${placed}`);

    // 3b. The worst push the limits allow (500 orders of 50 lines), from one shopper, while another
    // client asks /health every 20 ms: the longest the server's event loop was held (target: 50 ms).
    const heavy = buyers[0]!;
    const heavyRows = Array.from({ length: options.heavyOrders }, (_, i) => ({
      assumedMasterState: null,
      newDocumentState: {
        id: `heavy-${i}`,
        _deleted: false,
        items: Array.from({ length: 50 }, (_, line) => ({ productId: benchProduct((i * 50 + line) % options.products).id, quantity: 1 })),
        shippingAddress: address,
        paymentMethod: 'cod',
      },
    }));
    await requestJson(`${server.url}/debug/event-loop`); // a fresh window
    let healthWorst = 0;
    let pushing = true;
    const pinger = (async () => {
      while (pushing) {
        const sent = performance.now();
        await fetch(`${server.url}/health`);
        healthWorst = Math.max(healthWorst, performance.now() - sent);
        await new Promise((done) => setTimeout(done, 20));
      }
    })();
    started = performance.now();
    await requestJson(`${server.url}/sync/orders/push`, { method: 'POST', token: heavy.accessToken, body: heavyRows });
    const heavyMs = performance.now() - started;
    pushing = false;
    await pinger;
    const loop = await requestJson(`${server.url}/debug/event-loop`);
    log(
      `worst push (${options.heavyOrders} orders × 50 lines, one request, ${(heavyMs / 1000).toFixed(1)} s): event loop held at most ${loop.maxMs.toFixed(1)} ms (target 50), /health answered within ${healthWorst.toFixed(1)} ms`,
    );

    return { roundTrips, pullDocsPerSecond, pushDocsPerSecond, ordersPerSecond };
  } finally {
    closeJsonRequests();
    await server.stop();
    await dropDatabase?.();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.DATABASE_URL ?? '';
  const mongodbUrl = url.startsWith('mongodb://') || url.startsWith('mongodb+srv://') ? url : undefined;
  const where = mongodbUrl ? `MongoDB, database ${databaseNameFromUrl(mongodbUrl)}` : 'SQLite';
  console.log(`Sync server benchmark (node ${process.version}, ${where})`);
  const log = (line: string): void => console.log(`  ${line}`);
  if (!mongodbUrl) {
    const streams = Number(process.env.BENCH_STREAMS ?? 1000);
    await runPeersWorkload({ products: 10_000, pushDocs: 2000, streams: streams > 100 ? [100, streams] : [streams], writes: 20, pullRounds: 5, log });
  }
  await runSyncBench({
    products: Number(process.env.BENCH_PRODUCTS ?? 10_000),
    pushDocs: 10_000,
    orders: 1000,
    heavyOrders: 500,
    log,
    ...(mongodbUrl ? { mongodbUrl, roundTrips: { only: process.env.BENCH_ROUND_TRIPS_ONLY === 'true' } } : {}),
  });
}
