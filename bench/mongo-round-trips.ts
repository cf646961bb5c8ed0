/**
 * MongoDB round trips per sync operation, through real HTTP against a server started with
 * command-counting-server.ts: pull pages, pushes of new products, a shopper's orders, and the
 * idle cost of one process. Counts, not times, are the figures that carry over from the MongoDB
 * stand-in (an in-memory Java test double) to MongoDB. Each operation is run a few times and the
 * run with the median total is reported. Part of bench/sync.ts's MongoDB mode.
 */
import { benchProduct } from './product-fixture';
import type { RunningServer } from './start-server';
import {
  byCommandName,
  commandsHeader,
  commandsPath,
  countsSince,
  formatCounts,
  totalOf,
  type CommandCounts,
  type OutsideCommands,
} from './mongo-command-counts';

export interface RoundTripOptions {
  /** Products already in the catalogue (bench-00000000 …): pull pages and order lines come from them. */
  readonly products: number;
  readonly adminPassword: string;
  /** How many times each write is measured (the median run is kept). */
  readonly repeats: number;
  /** How long to watch a process doing nothing (seconds). */
  readonly idleSeconds: number;
  /** How long after a write its follow-up outside the request (change feed, stream) is counted. */
  readonly settleMs: number;
}

export interface OperationRoundTrips {
  readonly operation: string;
  /** Rows the operation carries (a push's rows, a page's documents). */
  readonly rows: number;
  /** Commands the request sent, by "<command> <collection>". */
  readonly request: CommandCounts;
  /** Commands outside any request until settleMs after the answer (change feed, change stream). */
  readonly after: CommandCounts | undefined;
  /** Totals over the runs, when they differed. */
  readonly totals: readonly number[];
  readonly ms: number;
}

export interface RoundTripReport {
  readonly operations: readonly OperationRoundTrips[];
  /** New products the pushes wrote (all active), beyond the catalogue. */
  readonly productsAdded: number;
  readonly idle: { readonly seconds: number; readonly perSecond: CommandCounts; readonly monitoringPerSecond: CommandCounts };
}

interface Counted {
  readonly body: any;
  readonly request: CommandCounts;
  readonly ms: number;
}

async function counted(url: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<Counted> {
  const started = performance.now();
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const body = await response.json();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  const header = response.headers.get(commandsHeader);
  if (header === null) throw new Error(`no ${commandsHeader} header: is the server command-counting-server.ts?`);
  return { body, request: JSON.parse(header) as CommandCounts, ms };
}

async function outsideCommands(server: RunningServer): Promise<OutsideCommands> {
  const response = await fetch(`${server.url}${commandsPath}`);
  return (await response.json()) as OutsideCommands;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;

/** The run with the median total stands for the operation; every run's total is kept. */
function summarise(operation: string, rows: number, runs: ReadonlyArray<{ request: CommandCounts; after?: CommandCounts; ms: number }>): OperationRoundTrips {
  const sorted = [...runs].sort((a, b) => totalOf(a.request) - totalOf(b.request));
  const middle = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const totals = runs.map((run) => totalOf(run.request));
  const afters = runs.flatMap((run) => (run.after ? [run.after] : []));
  const after = afters.length ? [...afters].sort((a, b) => totalOf(a) - totalOf(b))[Math.floor((afters.length - 1) / 2)] : undefined;
  return { operation, rows, request: middle.request, after, totals: new Set(totals).size > 1 ? totals : [], ms: median(runs.map((run) => run.ms)) };
}

/** Runs a write, then counts what the process sends outside requests in the settleMs after it. */
async function measureWrite(server: RunningServer, settleMs: number, write: () => Promise<Counted>): Promise<{ request: CommandCounts; after: CommandCounts; ms: number }> {
  const before = await outsideCommands(server);
  const result = await write();
  await sleep(settleMs);
  const after = countsSince(before.outside, (await outsideCommands(server)).outside);
  return { request: result.request, after, ms: result.ms };
}

export async function measureRoundTrips(server: RunningServer, options: RoundTripOptions): Promise<RoundTripReport> {
  const operations: OperationRoundTrips[] = [];
  await sleep(1000); // the start-up's own reads settle

  // 1. Idle: nothing happens; what one process sends anyway (change stream or polling, backstop).
  const idleBefore = await outsideCommands(server);
  await sleep(options.idleSeconds * 1000);
  const idleAfter = await outsideCommands(server);
  const perSecond = (before: CommandCounts, after: CommandCounts): CommandCounts =>
    Object.fromEntries(Object.entries(countsSince(before, after)).map(([key, n]) => [key, n / options.idleSeconds]));
  const idle = {
    seconds: options.idleSeconds,
    perSecond: perSecond(idleBefore.outside, idleAfter.outside),
    monitoringPerSecond: perSecond(idleBefore.monitoring, idleAfter.monitoring),
  };

  // 2. Pull pages, anonymous (the visibility policy applies): the first (no checkpoint) and the next ones.
  for (const limit of [100, 1000]) {
    const pages = Math.max(2, Math.min(options.repeats + 1, Math.ceil(options.products / limit)));
    const runs: Array<Counted & { documents: number }> = [];
    let checkpoint: string | undefined;
    for (let page = 0; page < pages; page++) {
      const query = new URLSearchParams({ limit: String(limit), ...(checkpoint ? { checkpoint } : {}) });
      const answer = await counted(`${server.url}/sync/products/pull?${query}`);
      runs.push({ ...answer, documents: answer.body.documents.length });
      checkpoint = answer.body.checkpoint;
    }
    const [first, ...next] = runs;
    const size = limit.toLocaleString('en-US');
    // A catalogue smaller than the pages (a test's) says how full they were.
    const documents = (n: number): string | undefined => (n < limit ? `${n} documents` : undefined);
    const note = (...parts: Array<string | undefined>): string => (parts.some(Boolean) ? ` (${parts.filter(Boolean).join(', ')})` : '');
    const nextDocuments = median(next.map((run) => run.documents));
    operations.push(summarise(`pull: first page of ${size}${note('no checkpoint', documents(first!.documents))}`, first!.documents, [first!]));
    operations.push(summarise(`pull: next page of ${size}${note(documents(nextDocuments))}`, nextDocuments, next));
  }

  // 3. A signed-in pull: what a token adds (the session is read on every request).
  const shopper = (await counted(`${server.url}/auth/register`, { method: 'POST', body: { email: 'round-trips@example.com', password: 'bench password 123', name: 'Round Trips' } })).body;
  {
    const first = await counted(`${server.url}/sync/products/pull?limit=100`, { token: shopper.accessToken });
    const runs: Counted[] = [];
    let checkpoint: string = first.body.checkpoint;
    for (let i = 0; i < options.repeats; i++) {
      const answer = await counted(`${server.url}/sync/products/pull?${new URLSearchParams({ limit: '100', checkpoint })}`, { token: shopper.accessToken });
      runs.push(answer);
      checkpoint = answer.body.checkpoint;
    }
    operations.push(summarise('pull: next page of 100, signed in', median(runs.map((run) => run.body.documents.length)), runs));
  }

  // 4. Pushes of new products by an admin: a batch of 100, and a single row.
  const admin = (await counted(`${server.url}/auth/admin/login`, { method: 'POST', body: { email: 'admin@annavaram.local', password: options.adminPassword } })).body;
  let productsAdded = 0;
  const newProducts = (count: number): unknown[] =>
    Array.from({ length: count }, () => {
      // Numbers no catalogue product has; active, so that a later full pull can count them.
      const doc = { ...benchProduct(options.products + 1_000_000 + productsAdded++), isActive: true };
      return { assumedMasterState: null, newDocumentState: doc };
    });
  for (const count of [100, 1]) {
    const runs = [];
    for (let i = 0; i < (count === 1 ? options.repeats + 2 : options.repeats); i++) {
      runs.push(
        await measureWrite(server, options.settleMs, async () => {
          const answer = await counted(`${server.url}/sync/products/push`, { method: 'POST', token: admin.accessToken, body: newProducts(count) });
          if (answer.body.rejections.length || answer.body.conflicts.length) throw new Error(`push refused rows: ${JSON.stringify(answer.body).slice(0, 300)}`);
          return answer;
        }),
      );
    }
    operations.push(summarise(count === 1 ? 'push: 1 new product (admin)' : `push: ${count} new products (admin)`, count, runs));
  }

  // 5. Orders by a shopper: one line, three lines (stock taken per line, a payment written).
  const address = { name: 'Bench', phone: '9876543210', line1: '1 Road', city: 'Annavaram', state: 'AP', pincode: '533406' };
  let orderNumber = 0;
  for (const lines of [1, 3]) {
    const runs = [];
    for (let i = 0; i < options.repeats + 2; i++) {
      const n = orderNumber++;
      // A different catalogue product per line (all active, in stock: prepare-catalogue.ts).
      const items = Array.from({ length: lines }, (_, line) => ({ productId: benchProduct((n * 3 + line) % options.products).id, quantity: 1 }));
      runs.push(
        await measureWrite(server, options.settleMs, async () => {
          const answer = await counted(`${server.url}/sync/orders/push`, {
            method: 'POST',
            token: shopper.accessToken,
            body: [{ assumedMasterState: null, newDocumentState: { id: `rt-order-${n}`, _deleted: false, items, shippingAddress: address, paymentMethod: 'cod' } }],
          });
          if (answer.body.rejections.length || answer.body.conflicts.length) throw new Error(`order refused: ${JSON.stringify(answer.body).slice(0, 300)}`);
          return answer;
        }),
      );
    }
    operations.push(summarise(`order: ${lines} line${lines === 1 ? '' : 's'} (shopper)`, 1, runs));
  }
  return { operations, productsAdded, idle };
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - text.length));

/** The report as printed lines: a table by command name, then where each request's commands go. */
export function formatRoundTrips(report: RoundTripReport): string[] {
  const header = ['operation', 'commands in the request, by name', 'total', 'per row', 'after it, outside the request', 'ms'];
  const rows = report.operations.map((op) => {
    const total = totalOf(op.request);
    const perRow = op.operation.startsWith('push') ? (total / op.rows).toFixed(2) : '';
    const varied = op.totals.length ? ` (runs: ${op.totals.join('/')})` : '';
    return [op.operation, formatCounts(byCommandName(op.request)), `${total}${varied}`, perRow, op.after ? formatCounts(byCommandName(op.after)) : '', op.ms.toFixed(1)];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => pad(cell, widths[column]!)).join('  ').trimEnd();
  const idleTotal = totalOf(report.idle.perSecond);
  return [
    'MongoDB round trips per operation (driver commands counted in the server process; hello and heartbeats apart):',
    line(header),
    ...rows.map(line),
    `idle, one process, per second over ${report.idle.seconds} s: ${formatCounts(report.idle.perSecond)} (total ${idleTotal.toFixed(2)}/s); connection monitoring: ${formatCounts(report.idle.monitoringPerSecond)}`,
    'where the commands go (command collection), in the request | after it:',
    ...report.operations.map((op) => `  ${pad(op.operation, widths[0]!)}  ${formatCounts(op.request)}${op.after ? ` | ${formatCounts(op.after)}` : ''}`),
    'after it: commands outside any request within the settle time after the answer (the change feed\'s reads, the change stream\'s getMore, the backstop).',
    'Pages and id reads ask for their whole answer in the first batch (batchSize); MongoDB still splits an answer over 16 MiB with a getMore.',
    'ms: median time through HTTP; on the stand-in (an in-memory Java test double) it says nothing about MongoDB.',
  ];
}
