/**
 * The workload other offline-first sync servers were measured on (dataset.mjs, kept as given), run
 * against the real sync server process on SQLite with the policy on, and printed as they report it:
 *   - a fresh shopper's replica pulling the catalogue in pages of 100 and of 1,000, beside a bare
 *     Koa + SQLite pager (bare-pager.ts) serving the same documents in the same run;
 *   - 2,000 new products pushed by an admin in batches of 100, one batch after another;
 *   - the delay from one admin write to its arrival on 100 and on 1,000 open streams (shoppers'),
 *     and the server's live memory per idle stream.
 * Pull figures are medians of rounds that alternate between the two servers, after a warm-up.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { median, percentile } from '../figures';
import { pullPages, walkPages } from '../pull-pages';
import { closeJsonRequests, requestJson } from '../request-json';
import { startServer, type RunningServer } from '../start-server';
import { generate, generatePushDocs } from './dataset.mjs';

export interface PeersWorkloadOptions {
  /** Catalogue size (the peers: 10,000). */
  readonly products: number;
  /** New products pushed in batches of 100 (the peers: 2,000). */
  readonly pushDocs: number;
  /** Open streams to measure with, each in its own round (the peers: 100 and 1,000). */
  readonly streams: readonly number[];
  /** Admin writes per stream round. */
  readonly writes: number;
  /** Alternating pull rounds per page size (median reported). */
  readonly pullRounds: number;
  readonly log: (line: string) => void;
}

export interface PullFigure {
  readonly pageSize: number;
  readonly documents: number;
  readonly docsPerSecond: number;
  readonly bareDocsPerSecond: number;
}

export interface StreamFigure {
  readonly streams: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Live memory per idle stream: the heap and what lives outside it (sockets' buffers). */
  readonly bytesPerStream: number;
  /** The heap part of it alone, which the target is about. */
  readonly heapBytesPerStream: number;
}

export interface PeersWorkloadResult {
  readonly pulls: readonly PullFigure[];
  readonly pushDocsPerSecond: number;
  readonly pushBatchMs: { readonly p50: number; readonly p99: number };
  readonly streams: readonly StreamFigure[];
}

const adminPassword = 'bench admin password 1234';
const pushBatch = 100;

const categories = Array.from({ length: 40 }, (_, i) => {
  const n = String(i + 1).padStart(3, '0');
  return { id: `cat-${n}`, _deleted: false, name: `Category ${n}`, slug: `category-${n}`, sortOrder: i, isActive: true };
});

/** Documents pushed as new ones, as an RxDB client sends them: the fields it holds, not yet deleted. */
async function pushAll(url: string, collection: string, token: string, docs: readonly object[]): Promise<number[]> {
  const batchMs: number[] = [];
  for (let i = 0; i < docs.length; i += pushBatch) {
    const rows = docs.slice(i, i + pushBatch).map((doc) => ({ assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } }));
    const sent = performance.now();
    const answer = await requestJson(`${url}/sync/${collection}/push`, { method: 'POST', token, body: rows });
    batchMs.push(performance.now() - sent);
    if (answer.rejections.length || answer.conflicts.length) throw new Error(`push refused rows: ${JSON.stringify(answer).slice(0, 300)}`);
  }
  return batchMs;
}

/**
 * Every page a fresh replica pulls; returns how many documents came. Counted and let go, as
 * pullAllBare does: keeping 10,000 parsed documents (as pullPages does) made this side's client,
 * which shares the two cores with both servers, collect more garbage than the bare pager's, and
 * that was measured as the server's time.
 */
async function pullAll(url: string, pageSize: number, token: string): Promise<number> {
  let count = 0;
  await walkPages(url, { limit: pageSize, token }, (documents) => (count += documents.length));
  return count;
}

async function pullAllBare(url: string, pageSize: number): Promise<number> {
  let after = 0;
  let count = 0;
  for (;;) {
    const page = await requestJson(`${url}/pull?after=${after}&limit=${pageSize}`);
    if (page.documents.length === 0) return count;
    count += page.documents.length;
    after = page.checkpoint;
  }
}

/** The bare pager's database: the stored documents' JSON, by sequence, with the visibility the shopper's pull applies. */
function writeBareDatabase(path: string, docs: ReadonlyArray<Record<string, any>>): void {
  const db = new Database(path);
  db.exec('CREATE TABLE docs (seq INTEGER PRIMARY KEY, active INTEGER NOT NULL, json TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO docs (active, json) VALUES (?, ?)');
  db.transaction(() => {
    for (const doc of docs) insert.run(doc.isActive && !doc._deleted ? 1 : 0, JSON.stringify(doc));
  })();
  db.close();
}

function openStream(url: string, token: string, onMarker: (marker: string, at: number) => void): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const seen = new Set<string>();
    let tail = '';
    const request = http.get(`${url}/sync/stream?collections=products,categories`, { agent: false, headers: { authorization: `Bearer ${token}` } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        const at = performance.now();
        const text = tail + chunk;
        for (const match of text.matchAll(/"unit":"(m-\d+-\d+)"/g)) {
          if (!seen.has(match[1]!)) {
            seen.add(match[1]!);
            onMarker(match[1]!, at);
          }
        }
        if (text.includes('RESYNC')) resolve(request);
        tail = text.slice(-64);
      });
    });
    request.on('error', reject);
  });
}

async function liveMemory(server: RunningServer): Promise<{ heap: number; live: number; streams: number }> {
  const m = await requestJson(`${server.url}/debug/memory`);
  // Node counts arrayBuffers inside external already: adding both counted every buffer twice.
  return { heap: m.heapUsed, live: m.heapUsed + m.external, streams: m.streams };
}

async function waitForStreams(server: RunningServer, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await liveMemory(server)).streams !== count) {
    if (Date.now() > deadline) throw new Error(`the server still holds streams other than ${count}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function runPeersWorkload(options: PeersWorkloadOptions): Promise<PeersWorkloadResult> {
  const { log } = options;
  const folder = mkdtempSync(join(tmpdir(), 'oa-bench-peers-'));
  const mostStreams = Math.max(0, ...options.streams);
  const server = await startServer({
    DATABASE_URL: `file:${join(folder, 'sync.db')}`,
    DATA_DIR: folder,
    ADMIN_PASSWORD: adminPassword,
    SEED_DEMO_CATALOG: 'false',
    SYNC_DIAGNOSTICS: 'true',
    // The bench opens every stream from one address.
    MAX_STREAMS_PER_ADDRESS: String(mostStreams + 10),
    NODE_OPTIONS: '--expose-gc',
  });
  let bare: RunningServer | undefined;
  try {
    const admin = await requestJson(`${server.url}/auth/admin/login`, { method: 'POST', body: { email: 'admin@annavaram.local', password: adminPassword } });
    await pushAll(server.url, 'categories', admin.accessToken, categories);
    // The catalogue goes in as the peers' clients would send it, through the same push (untimed).
    await pushAll(server.url, 'products', admin.accessToken, generate(options.products));
    const exported = await pullPages(server.url, { limit: 1000, token: admin.accessToken });
    const bareDb = join(folder, 'bare.db');
    writeBareDatabase(bareDb, exported.documents);
    bare = await startServer({ BARE_PAGER_DB: bareDb }, { entry: join(import.meta.dirname, 'bare-pager.ts') });
    const shopper = await requestJson(`${server.url}/auth/register`, { method: 'POST', body: { email: 'peers@example.com', password: 'bench password 123', name: 'Peers' } });

    // 1. Pulls: a warm-up of each, then rounds that alternate, so both meet the same machine state.
    const pulls: PullFigure[] = [];
    for (const pageSize of [100, 1000]) {
      const expected = await pullAllBare(bare.url, pageSize);
      if ((await pullAll(server.url, pageSize, shopper.accessToken)) !== expected) throw new Error('the server and the bare pager disagree on the documents a shopper sees');
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let round = 0; round < options.pullRounds; round++) {
        let began = performance.now();
        await pullAll(server.url, pageSize, shopper.accessToken);
        ours.push(expected / ((performance.now() - began) / 1000));
        began = performance.now();
        await pullAllBare(bare.url, pageSize);
        theirs.push(expected / ((performance.now() - began) / 1000));
      }
      const figure = { pageSize, documents: expected, docsPerSecond: median(ours), bareDocsPerSecond: median(theirs) };
      pulls.push(figure);
      log(
        `peers' pull, pages of ${pageSize} (shopper, ${expected} visible of ${options.products}): ${Math.round(figure.docsPerSecond)} docs/s; ` +
          `bare Koa + SQLite pager ${Math.round(figure.bareDocsPerSecond)} docs/s; ${(figure.docsPerSecond / figure.bareDocsPerSecond).toFixed(2)}× (target ≥ 0.9×; median of ${options.pullRounds})`,
      );
    }

    // 2. Push: new products in batches of 100, one after another, as an admin's replica sends them.
    const pushDocs = generatePushDocs(options.pushDocs);
    const began = performance.now();
    const batchMs = await pushAll(server.url, 'products', admin.accessToken, pushDocs);
    const pushDocsPerSecond = pushDocs.length / ((performance.now() - began) / 1000);
    const sortedBatches = [...batchMs].sort((a, b) => a - b);
    const pushBatchMs = { p50: percentile(sortedBatches, 50), p99: percentile(sortedBatches, 99) };
    log(`peers' push, ${pushDocs.length} new products in batches of ${pushBatch}: ${Math.round(pushDocsPerSecond)} docs/s (target ≥ 10,000); a batch p50 ${pushBatchMs.p50.toFixed(1)} ms, p99 ${pushBatchMs.p99.toFixed(1)} ms`);

    // 3. Streams: one admin write at a time reaching every open stream; memory per idle stream.
    let { checkpoint } = exported;
    let target = exported.documents.find((doc) => doc.isActive)!;
    const streamFigures: StreamFigure[] = [];
    for (const count of options.streams) {
      const before = await liveMemory(server);
      const delays: number[] = [];
      let writeStarted = 0;
      const open: http.ClientRequest[] = [];
      for (let i = 0; i < count; i += 100) {
        open.push(...(await Promise.all(Array.from({ length: Math.min(100, count - i) }, () => openStream(server.url, shopper.accessToken, (_m, at) => delays.push(at - writeStarted))))));
      }
      await new Promise((r) => setTimeout(r, 500));
      const after = await liveMemory(server);
      if (after.streams - before.streams !== count) throw new Error(`the server holds ${after.streams} streams`);
      const bytesPerStream = (after.live - before.live) / count;
      const heapBytesPerStream = (after.heap - before.heap) / count;
      for (let k = 0; k < options.writes; k++) {
        const marker = `m-${count}-${k}`;
        const arrived = delays.length;
        writeStarted = performance.now();
        const pushed = await requestJson(`${server.url}/sync/products/push`, {
          method: 'POST',
          token: admin.accessToken,
          body: [{ assumedMasterState: target, newDocumentState: { ...target, unit: marker } }],
        });
        if (pushed.rejections.length || pushed.conflicts.length) throw new Error(`the admin write was refused: ${JSON.stringify(pushed).slice(0, 300)}`);
        const deadline = Date.now() + 10_000;
        while (delays.length - arrived < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
        if (delays.length - arrived < count) throw new Error(`write ${k} reached ${delays.length - arrived} of ${count} streams`);
        // The admin's replica catches up, so the next write is pushed on top of the stored state.
        const caughtUp = await pullPages(server.url, { limit: 1000, token: admin.accessToken, checkpoint });
        checkpoint = caughtUp.checkpoint;
        target = caughtUp.documents.find((doc) => doc.id === target.id) ?? target;
        await new Promise((r) => setTimeout(r, 50));
      }
      for (const request of open) request.destroy();
      await waitForStreams(server, before.streams);
      const sorted = delays.sort((a, b) => a - b);
      const figure = { streams: count, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, bytesPerStream, heapBytesPerStream };
      streamFigures.push(figure);
      log(
        `peers' streams, admin write → ${count} open streams (${options.writes} writes): p50 ${figure.p50.toFixed(1)} ms, p99 ${figure.p99.toFixed(1)} ms, max ${figure.max.toFixed(1)} ms; ` +
          `${(heapBytesPerStream / 1024).toFixed(1)} KB of heap per idle stream, ${(bytesPerStream / 1024).toFixed(1)} KB with what lives outside it ` +
          `(targets at 1,000: p99 ≤ 40 ms, ≤ 10 KB of heap)`,
      );
    }
    return { pulls, pushDocsPerSecond, pushBatchMs, streams: streamFigures };
  } finally {
    closeJsonRequests();
    await bare?.stop();
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
