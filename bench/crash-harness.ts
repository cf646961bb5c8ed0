/**
 * `npm run bench:crash`: shoppers place orders and an admin confirms and cancels them while the
 * sync server is killed with SIGKILL at random moments and started again on the same database;
 * clients push an unanswered row again, as RxDB does. Then it checks what a crash must never do:
 * lose an acknowledged order, place one twice, leave an order without exactly one payment in the
 * right state, or leave stock that is not the initial stock less the live orders' quantities; on
 * SQLite also `PRAGMA integrity_check`. Loopback only; bounded in kills and time.
 * BENCH_KILLS (default 100), DATABASE_URL (default a fresh SQLite file; a mongodb:// URL runs it
 * against that server, the stand-in included: only the sync server is killed).
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { startServer, type RunningServer } from './start-server';

const adminEmail = 'admin@annavaram.local';
const adminPassword = 'crash harness password';
const address = { name: 'Crash', phone: '9876543210', line1: '1 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };

export interface CrashOptions {
  readonly kills: number;
  readonly shoppers: number;
  /** A mongodb:// URL; without it a fresh SQLite file. */
  readonly databaseUrl?: string;
  /** Stop killing after this long, whatever the count (ms). */
  readonly maxMs: number;
  readonly log: (line: string) => void;
}

export interface CrashReport {
  readonly kills: number;
  readonly acknowledged: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly badPayments: number;
  readonly badStock: number;
  readonly integrity: string;
}

type Doc = Record<string, unknown> & { id: string };

type Server = Pick<RunningServer, 'url' | 'child'>;

export async function runCrashHarness(options: CrashOptions): Promise<CrashReport> {
  const folder = mkdtempSync(join(tmpdir(), 'oa-crash-'));
  const databaseUrl = options.databaseUrl ?? `file:${join(folder, 'platform.db')}`;
  const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const env = { DATABASE_URL: databaseUrl, DATA_DIR: folder, JWT_PRIVATE_KEY: key, ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword, AUTH_RATE_LIMIT_PER_MINUTE: '100000' };
  let server = await start(env);
  const current = (): string => server.url;
  try {
    const admin = await signIn(current, '/auth/admin/login', { email: adminEmail, password: adminPassword });
    const initial = new Map((await pullAll(current, 'products', admin)).map((doc) => [doc.id, Number(doc.stock)]));
    const productIds = [...initial.keys()];
    const shoppers = await Promise.all(
      Array.from({ length: options.shoppers }, (_, i) =>
        signIn(current, '/auth/register', { email: `crash${i}@example.com`, password: 'a long enough password', name: `Shopper ${i}` }),
      ),
    );

    const submitted = new Set<string>();
    const acknowledged = new Set<string>();
    let running = true;
    const shopping = shoppers.map(async (token, s) => {
      for (let n = 0; running; n++) {
        const id = `order-${s}-${n}-${randomUUID().slice(0, 8)}`;
        const lines = 1 + (n % 3);
        const items = Array.from({ length: lines }, (_, l) => ({ productId: productIds[(s * 7 + n * 3 + l) % productIds.length]!, quantity: 1 + ((n + l) % 2) }));
        submitted.add(id);
        const row = { assumedMasterState: null, newDocumentState: { id, _deleted: false, items, shippingAddress: address, paymentMethod: 'cod' } };
        // As RxDB does: the same row again until an answer comes (a crash drops the connection).
        const answer = await pushUntilAnswered(current, 'orders', [row], token, () => running);
        if (answer && !answer.rejections.some((r: { id: string }) => r.id === id)) acknowledged.add(id);
      }
    });
    const moderating = (async () => {
      for (let n = 0; running; n++) {
        const orders = await pullAll(current, 'orders', admin).catch(() => []);
        const pending = orders.filter((o) => o.status === 'pending' || o.status === 'confirmed');
        const target = pending[n % Math.max(1, pending.length)];
        if (!target) {
          await sleep(20);
          continue;
        }
        const to = n % 3 === 0 ? 'cancelled' : target.status === 'pending' ? 'confirmed' : 'cancelled';
        await pushUntilAnswered(current, 'orders', [{ assumedMasterState: target, newDocumentState: { ...target, status: to } }], admin, () => running);
      }
    })();

    const started = Date.now();
    let kills = 0;
    while (kills < options.kills && Date.now() - started < options.maxMs) {
      await sleep(100 + Math.floor(Math.random() * 300));
      // SIGKILL: no shutdown of any kind, mid-request, mid-transaction.
      server.child.kill('SIGKILL');
      await new Promise((done) => server.child.once('exit', done));
      kills++;
      server = await start(env);
    }
    await sleep(500);
    running = false;
    await Promise.all([...shopping, moderating]);

    // The checks, on what the server holds once everything settled.
    const orders = await pullAll(current, 'orders', admin);
    const payments = await pullAll(current, 'payments', admin);
    const products = await pullAll(current, 'products', admin);
    const byId = new Map(orders.map((o) => [o.id, o]));
    const lost = [...acknowledged].filter((id) => !byId.has(id)).length;
    const duplicated = orders.length - new Set(orders.map((o) => String(o.orderId))).size + orders.filter((o) => !submitted.has(o.id)).length;
    const paymentsOf = new Map<string, Doc[]>();
    for (const payment of payments) paymentsOf.set(String(payment.orderId), [...(paymentsOf.get(String(payment.orderId)) ?? []), payment]);
    const badPayments = orders.filter((order) => {
      const own = paymentsOf.get(order.id) ?? [];
      if (order.status === 'rejected') return own.length !== 0;
      if (own.length !== 1) return true;
      return order.status === 'cancelled' ? own[0]!.status !== 'void' : own[0]!.status !== 'pending';
    }).length;
    const taken = new Map<string, number>();
    for (const order of orders) {
      if (order.status === 'rejected' || order.status === 'cancelled') continue;
      for (const item of order.items as Array<{ productId: string; quantity: number }>) taken.set(item.productId, (taken.get(item.productId) ?? 0) + item.quantity);
    }
    const badStock = products.filter((p) => Number(p.stock) !== (initial.get(p.id) ?? 0) - (taken.get(p.id) ?? 0)).length;
    server.child.kill('SIGKILL');
    await new Promise((done) => server.child.once('exit', done));
    const integrity = databaseUrl.startsWith('file:') ? integrityOf(databaseUrl.slice('file:'.length)) : 'n/a (MongoDB)';
    const report = { kills, acknowledged: acknowledged.size, lost, duplicated, badPayments, badStock, integrity };
    options.log(`kills: ${kills}; orders submitted ${submitted.size}, acknowledged ${acknowledged.size}, stored ${orders.length}`);
    options.log(`acknowledged orders lost: ${lost}; orders duplicated: ${duplicated}; orders without exactly one payment in the right state: ${badPayments}`);
    options.log(`products whose stock is not the initial stock less their live orders: ${badStock}; integrity_check: ${integrity}`);
    return report;
  } finally {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Starts the server as a supervisor would: again after a failed start, a few times. (On MongoDB a
 * transaction the killed server left open holds its documents until the database aborts it,
 * after transactionLifetimeLimitSeconds; a start meanwhile may time out.)
 */
async function start(env: Record<string, string>): Promise<Server> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServer(env);
    } catch (error) {
      if (attempt === 10) throw error;
      await sleep(1000);
    }
  }
}

async function signIn(url: () => string, path: string, body: unknown): Promise<string> {
  const response = await fetch(`${url()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function pushUntilAnswered(url: () => string, collection: string, rows: unknown[], token: string, going: () => boolean): Promise<any> {
  for (;;) {
    try {
      const response = await fetch(`${url()}/sync/${collection}/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(rows),
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) return await response.json();
      if (response.status < 500) throw new Error(`push ${collection}: HTTP ${response.status} ${await response.text()}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('push ')) throw error;
      // The server died under the request: no answer, so the row goes again.
    }
    if (!going()) return undefined;
    await sleep(50);
  }
}

async function pullAll(url: () => string, collection: string, token: string): Promise<Doc[]> {
  const docs = new Map<string, Doc>();
  let checkpoint: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', ...(checkpoint ? { checkpoint } : {}) });
    const response = await fetch(`${url()}/sync/${collection}/pull?${query}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`pull ${collection}: HTTP ${response.status}`);
    const page = (await response.json()) as { documents: Doc[]; checkpoint: string };
    for (const doc of page.documents) {
      if (doc._deleted) docs.delete(doc.id);
      else docs.set(doc.id, doc);
    }
    if (page.documents.length === 0 || page.checkpoint === checkpoint) return [...docs.values()];
    checkpoint = page.checkpoint;
  }
}

function integrityOf(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return (db.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
  } finally {
    db.close();
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.DATABASE_URL ?? '';
  console.log(`Crash harness (node ${process.version}, ${url.startsWith('mongodb') ? 'MongoDB' : 'SQLite'})`);
  const report = await runCrashHarness({
    kills: Number(process.env.BENCH_KILLS ?? 100),
    shoppers: 20,
    maxMs: 20 * 60_000,
    log: (line) => console.log(`  ${line}`),
    ...(url.startsWith('mongodb') ? { databaseUrl: url } : {}),
  });
  const bad = report.lost + report.duplicated + report.badPayments + report.badStock + (report.integrity === 'ok' || report.integrity.startsWith('n/a') ? 0 : 1);
  process.exitCode = bad === 0 ? 0 : 1;
}
