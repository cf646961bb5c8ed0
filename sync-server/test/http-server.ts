/**
 * Test helper: the real app (real auth, real replication, real stream hub) on a fresh database of
 * the project's kind (test-storage.ts: SQLite, or MongoDB in the MongoDB projects) and a free port,
 * with a cheap password cost; plus small clients for signing in and syncing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectionNames, collections } from '@oa/schema';
import { createApp } from '../src/app';
import { createAuth } from '../src/auth/create-auth';
import { ensureFirstAdmin } from '../src/auth/first-admin';
import { createPasswordHasher } from '../src/auth/passwords';
import { loadConfig, type Config } from '../src/config';
import { createRequestDrain, type RequestDrain } from '../src/http/create-request-drain';
import type { Logger } from '../src/logging/create-logger';
import { createMetrics, type Metrics } from '../src/metrics/create-metrics';
import { instrumentStorage } from '../src/metrics/instrument-storage';
import type { MetricsAccess } from '../src/metrics/metrics-routes';
import { createRules } from '../src/replication/rules/create-rules';
import { createStreamHub, type StreamHub } from '../src/replication/stream-hub';
import { seedDemoCatalog } from '../src/seed/demo-catalog';
import type { Storage } from '../src/storage';
import { openTestStorage } from './test-storage';

export const adminEmail = 'admin@annavaram.local';
export const adminPassword = 'correct horse battery staple';

export interface TestServer {
  readonly url: string;
  /** DATABASE_URL of the server's database, for an operator command run against it (verify, migrate). */
  readonly databaseUrl: string;
  readonly storage: Storage;
  readonly hub: StreamHub;
  readonly config: Config;
  readonly errors: unknown[];
  /** The listening server and the app's request drain, for a shutdown driven in-process. */
  readonly httpServer: Server;
  readonly drain: RequestDrain;
  /** The app's metrics, when the options asked for them. */
  readonly metrics: Metrics | undefined;
  close(): Promise<void>;
}

export interface TestServerOptions {
  readonly seed?: boolean;
  /** Reach the database through another URL (a proxy in front of it); see test-storage.ts. */
  readonly routeDatabase?: (databaseUrl: string) => string;
  readonly env?: Record<string, string>;
  readonly now?: () => Date;
  /** Logs through this logger instead of collecting errors in `errors`. */
  readonly logger?: Logger;
  /** Counts metrics (database, orders and requests) and serves GET /metrics so. */
  readonly metrics?: MetricsAccess;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const folder = mkdtempSync(join(tmpdir(), 'oa-http-'));
  const config = loadConfig({ DATA_DIR: folder, ...options.env }, folder);
  const now = options.now ?? (() => new Date());
  const database = await openTestStorage(folder, { route: options.routeDatabase });
  const metrics = options.metrics ? createMetrics() : undefined;
  const storage = metrics ? instrumentStorage(database.storage, metrics) : database.storage;
  await storage.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
  // Tests pay a cheap scrypt cost; production keeps OWASP's (see auth/passwords.ts).
  const passwords = createPasswordHasher({ logN: 10, r: 8, p: 1 });
  await ensureFirstAdmin({ storage, passwords, email: adminEmail, password: adminPassword, now, log: () => undefined });
  if (options.seed !== false) await seedDemoCatalog(storage, now());
  const auth = await createAuth({ storage, config, now, passwords });
  const hub = createStreamHub(storage.changes, { limits: config.streams });
  const errors: unknown[] = [];
  const drain = createRequestDrain();
  const app = createApp({
    storage,
    auth,
    hub,
    rules: createRules({ delivery: config.delivery, ...(metrics ? { onOrder: metrics.observeOrder } : {}) }),
    delivery: config.delivery,
    now,
    corsOrigins: config.corsOrigins,
    trustProxy: config.trustProxy,
    minClientProtocol: config.minClientProtocol,
    drain,
    ...(options.logger ? { logger: options.logger } : { log: (_message: string, error?: unknown) => errors.push(error) }),
    ...(metrics ? { metrics, metricsAccess: options.metrics } : {}),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl: database.databaseUrl,
    storage,
    hub,
    config,
    errors,
    httpServer: server,
    drain,
    metrics,
    async close() {
      hub.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await database.drop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly id: string;
}

export async function postJson(url: string, body: unknown, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

export async function register(server: TestServer, email: string, name = 'Test Shopper'): Promise<Session> {
  const response = await postJson(`${server.url}/auth/register`, { email, password: 'a long enough password', name });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { accessToken: string; refreshToken: string; user: { id: string } };
  return { accessToken: body.accessToken, refreshToken: body.refreshToken, id: body.user.id };
}

export async function signInAdmin(server: TestServer, email = adminEmail, password = adminPassword): Promise<Session> {
  const response = await postJson(`${server.url}/auth/admin/login`, { email, password });
  if (response.status !== 200) throw new Error(`admin login failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { accessToken: string; refreshToken: string; admin: { id: string } };
  return { accessToken: body.accessToken, refreshToken: body.refreshToken, id: body.admin.id };
}

export interface PullAnswer {
  readonly status: number;
  readonly body: { documents: Array<Record<string, unknown> & { id: string }>; checkpoint: string } & { error?: { code: string } };
}

export async function pullOnce(server: TestServer, collection: string, options: { token?: string; checkpoint?: string; limit?: number } = {}): Promise<PullAnswer> {
  const query = new URLSearchParams();
  if (options.checkpoint !== undefined) query.set('checkpoint', options.checkpoint);
  if (options.limit !== undefined) query.set('limit', String(options.limit));
  const response = await fetch(`${server.url}/sync/${collection}/pull?${query}`, {
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as PullAnswer['body'] };
}

/** Pulls until nothing is new, as a replica would; returns the replica (by id) and the checkpoint. */
export type Doc = Record<string, unknown> & { id: string };

export async function pullAll(
  server: TestServer,
  collection: string,
  options: { token?: string; checkpoint?: string | undefined; replica?: Map<string, Doc> } = {},
): Promise<{ replica: Map<string, Doc>; checkpoint: string | undefined; documents: Doc[] }> {
  const replica = options.replica ?? new Map<string, Doc>();
  let checkpoint = options.checkpoint;
  const documents: Doc[] = [];
  for (let i = 0; i < 1000; i++) {
    const { status, body } = await pullOnce(server, collection, { token: options.token, checkpoint, limit: 50 });
    if (status !== 200) throw new Error(`pull ${collection} failed: ${status} ${JSON.stringify(body)}`);
    for (const doc of body.documents) {
      documents.push(doc);
      if (doc._deleted) replica.delete(doc.id);
      else replica.set(doc.id, doc);
    }
    if (body.documents.length === 0 && body.checkpoint === checkpoint) break;
    checkpoint = body.checkpoint;
    if (body.documents.length === 0) break;
  }
  return { replica, checkpoint, documents };
}

export interface PushAnswer {
  readonly status: number;
  readonly body: { conflicts: Array<Record<string, unknown> & { id: string }>; rejections: Array<{ id: string; code: string; message: string }> } & {
    error?: { code: string };
  };
}

export async function pushRows(server: TestServer, collection: string, rows: unknown, token?: string): Promise<PushAnswer> {
  const response = await postJson(`${server.url}/sync/${collection}/push`, rows, token);
  return { status: response.status, body: (await response.json()) as PushAnswer['body'] };
}

/** A push of new documents (no assumed master state). */
export function creates(...docs: Array<Record<string, unknown>>): unknown[] {
  return docs.map((doc) => ({ assumedMasterState: null, newDocumentState: { _deleted: false, ...doc } }));
}

/** A push of a change to a document the client holds as `assumed`. */
export function update(assumed: Record<string, unknown>, changes: Record<string, unknown>): unknown[] {
  return [{ assumedMasterState: assumed, newDocumentState: { ...assumed, ...changes } }];
}

export interface World {
  readonly server: TestServer;
  readonly admin: Session;
  readonly alice: Session;
  readonly bob: Session;
}

/** A seeded server with the first admin signed in and two shoppers, Alice and Bob, registered. */
export async function startWorld(options: TestServerOptions = {}): Promise<World> {
  const server = await startTestServer(options);
  const [admin, alice, bob] = await Promise.all([
    signInAdmin(server),
    register(server, 'alice@example.com', 'Alice'),
    register(server, 'bob@example.com', 'Bob'),
  ]);
  return { server, admin, alice, bob };
}
