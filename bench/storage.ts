/**
 * Storage benchmark on the embedded SQLite adapter (not a timed test: it prints figures).
 *   npm run bench:storage                 10,000-document pull, 10,000 conditional writes,
 *                                         page-read latency at 10k and at 1M documents
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
    return { pullDocsPerSecond, createsPerSecond, updatesPerSecond, pageReadMs: { small, large } };
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
