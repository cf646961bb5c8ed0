/**
 * Storage benchmark on the embedded SQLite adapter (not a timed test: it prints figures).
 *   npm run bench:storage                 10,000-document pull, 10,000 conditional writes,
 *                                         order units of work one at a time and ten at once
 *                                         (group commit), page-read latency at 10k and at 1M documents
 *   BENCH_LARGE=200000 npm run bench:storage   a smaller "large" size for a quick look
 * A page read must stay flat as the collection grows: the sequence index serves it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { collections } from '@oa/schema';
import { openSqliteStorage } from '../sync-server/src/storage';
import type { Storage, WriteRequest } from '../sync-server/src/storage';
import { percentile } from './figures';
import { benchProduct } from './product-fixture';

export interface StorageBenchOptions {
  readonly pullDocs: number;
  readonly largeDocs: number;
  readonly pageSize: number;
  readonly log: (line: string) => void;
}

export interface StorageBenchResult {
  readonly pullDocsPerSecond: number;
  /** Order units (order, two products' stock, payment) per second: one writer, then ten at once. */
  readonly orderUnitsPerSecond: { readonly alone: number; readonly tenAtOnce: number };
  readonly createsPerSecond: number;
  readonly updatesPerSecond: number;
  readonly pageReadMs: { readonly small: Percentiles; readonly large: Percentiles };
}

interface Percentiles {
  readonly docs: number;
  readonly p50: number;
  readonly p99: number;
}

const create = (doc: WriteRequest['doc']): WriteRequest => ({ id: String(doc.id), expectedSeq: null, doc });

/** Reads the whole collection as a shopper's replica would: pages, visibility filter, tombstones. */
async function pullAll(storage: Storage, pageSize: number): Promise<number> {
  let checkpoint = 0;
  let count = 0;
  for (;;) {
    const page = await storage.readChanges({ collection: 'products', after: checkpoint, limit: pageSize, visible: { isActive: true } });
    count += page.rows.length;
    if (page.checkpoint === checkpoint) return count;
    checkpoint = page.checkpoint;
  }
}

/** Latency of one page read at checkpoints spread across the collection. */
async function timePageReads(storage: Storage, docs: number, pageSize: number, reads = 300): Promise<Percentiles> {
  const latest = await storage.latestCheckpoint('products');
  const times: number[] = [];
  for (let i = 0; i < reads; i++) {
    const after = Math.floor(((i * 7919) % reads) / reads * Math.max(1, latest - pageSize));
    const started = performance.now();
    const page = await storage.readChanges({ collection: 'products', after, limit: pageSize, visible: { isActive: true } });
    times.push(performance.now() - started);
    if (page.rows.length === 0) throw new Error('a page read returned nothing');
  }
  times.sort((a, b) => a - b);
  return { docs, p50: percentile(times, 50), p99: percentile(times, 99) };
}

/**
 * An order's unit of work as the order rule commits it (read two products, then the order, their
 * stock and the payment), `units` of them by `writers` writers at once: with more than one, the
 * units of one turn of the event loop share a transaction (group commit). Its own database, with
 * the WAL checkpointed from a worker every 100 ms, as the server runs it.
 */
async function timeOrderUnits(products: number, units: number, writers: number): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'oa-bench-units-'));
  const storage = await openSqliteStorage({ path: join(folder, 'units.db'), pollIntervalMs: 0, checkpointIntervalMs: 100 });
  try {
    await storage.ensureCollections((['products', 'orders', 'payments'] as const).map((name) => ({ name, indexes: collections[name].indexes })));
    for (let i = 0; i < products; i += 1000) {
      await storage.write('products', Array.from({ length: Math.min(1000, products - i) }, (_, j) => create({ ...benchProduct(i + j), stock: 1_000_000 })));
    }
    const placeOne = async (i: number): Promise<void> => {
      const rows = await storage.readByIds('products', [benchProduct(i % products).id, benchProduct((i + Math.floor(products / 2) + 1) % products).id]);
      const id = `order-${i}`;
      const result = await storage.commit([
        { collection: 'orders', ...create({ id, _deleted: false, orderId: `OA-${i}`, userId: `user-${i % writers}`, status: 'pending', total: 300, createdAt: new Date().toISOString() }) },
        ...rows.map((row) => ({ collection: 'products' as const, id: row.doc.id, expectedSeq: row.seq, doc: { ...row.doc, stock: Number(row.doc.stock) - 1 } })),
        { collection: 'payments', ...create({ id: `pay-${id}`, _deleted: false, orderId: id, userId: `user-${i % writers}`, amount: 300, status: 'pending' }) },
      ]);
      if (result.kind !== 'committed') throw new Error(`order unit ${i}: ${result.kind}`);
    };
    const started = performance.now();
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = w; i < units; i += writers) await placeOne(i);
      }),
    );
    return units / ((performance.now() - started) / 1000);
  } finally {
    await storage.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function runStorageBench(options: StorageBenchOptions): Promise<StorageBenchResult> {
  const { pullDocs, largeDocs, pageSize, log } = options;
  const folder = mkdtempSync(join(tmpdir(), 'oa-bench-'));
  const storage = await openSqliteStorage({ path: join(folder, 'bench.db'), pollIntervalMs: 0 });
  try {
    await storage.ensureCollections([{ name: 'products', indexes: collections.products.indexes }]);

    // 1. Single-document conditional writes: one write() call, one transaction, per document.
    let started = performance.now();
    const seqs: number[] = [];
    for (let i = 0; i < pullDocs; i++) {
      const [result] = await storage.write('products', [create(benchProduct(i))]);
      if (result?.kind !== 'written') throw new Error(`create ${i} was not written`);
      seqs.push(result.row.seq);
    }
    const createsPerSecond = pullDocs / ((performance.now() - started) / 1000);
    started = performance.now();
    for (let i = 0; i < pullDocs; i++) {
      const doc = { ...benchProduct(i), stock: 7 };
      const [result] = await storage.write('products', [{ id: doc.id, expectedSeq: seqs[i]!, doc }]);
      if (result?.kind !== 'written') throw new Error(`update ${i} was not written`);
    }
    const updatesPerSecond = pullDocs / ((performance.now() - started) / 1000);
    log(`conditional writes, one document each: ${Math.round(createsPerSecond)} creates/s, ${Math.round(updatesPerSecond)} updates/s (${pullDocs} of each)`);

    // 1b. Order units of work, alone and ten at once (median of three runs each).
    const median = (runs: number[]): number => runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
    const unitRuns = async (writers: number): Promise<number> => {
      const runs: number[] = [];
      for (let run = 0; run < 3; run++) runs.push(await timeOrderUnits(pullDocs, Math.min(pullDocs, 3000), writers));
      return median(runs);
    };
    const orderUnitsPerSecond = { alone: await unitRuns(1), tenAtOnce: await unitRuns(10) };
    log(
      `order units of work (order, two products' stock, payment; ${pullDocs} products): ${Math.round(orderUnitsPerSecond.alone)}/s one at a time, ` +
        `${Math.round(orderUnitsPerSecond.tenAtOnce)}/s from ten writers at once (group commit)`,
    );

    // 2. A full pull in pages (best of 5, after one warm-up).
    await pullAll(storage, pageSize);
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      started = performance.now();
      const count = await pullAll(storage, pageSize);
      best = Math.min(best, performance.now() - started);
      if (count !== pullDocs) throw new Error(`pulled ${count} of ${pullDocs}`);
    }
    const pullDocsPerSecond = pullDocs / (best / 1000);
    log(`pull of ${pullDocs} documents in pages of ${pageSize}: ${Math.round(pullDocsPerSecond)} documents/s (${best.toFixed(1)} ms)`);

    // 3. Page-read latency at the small size, then grow the collection and measure again.
    const small = await timePageReads(storage, pullDocs, 100);
    log(`page read (100 documents) at ${pullDocs} documents: p50 ${small.p50.toFixed(3)} ms, p99 ${small.p99.toFixed(3)} ms`);
    started = performance.now();
    for (let i = pullDocs; i < largeDocs; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, largeDocs - i) }, (_, j) => create(benchProduct(i + j)));
      await storage.write('products', batch);
    }
    log(`loaded ${largeDocs} documents in ${((performance.now() - started) / 1000).toFixed(1)} s (batches of 1,000)`);
    const large = await timePageReads(storage, largeDocs, 100);
    log(`page read (100 documents) at ${largeDocs} documents: p50 ${large.p50.toFixed(3)} ms, p99 ${large.p99.toFixed(3)} ms`);
    log(`flatness: p50 at ${largeDocs} is ${(large.p50 / small.p50).toFixed(2)}x the p50 at ${pullDocs}`);
    return { pullDocsPerSecond, orderUnitsPerSecond, createsPerSecond, updatesPerSecond, pageReadMs: { small, large } };
  } finally {
    await storage.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const largeDocs = Number(process.env.BENCH_LARGE ?? 1_000_000);
  console.log(`SQLite storage benchmark (node ${process.version})`);
  await runStorageBench({ pullDocs: 10_000, largeDocs, pageSize: 1000, log: (line) => console.log(`  ${line}`) });
}
