/**
 * `npm run bench:fuzz`: the fuzz suite's long run. 100,000 seeded hostile requests (FUZZ_CASES,
 * FUZZ_SEED) against the real server process on a fresh SQLite database, every answer checked
 * (no 5xx, no stack trace, no secret, no other shopper's document); prints the answers by status,
 * the problems found, and whether the server is still healthy. Loopback only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStorage } from '../sync-server/src/storage';
import { collectStoredSecrets } from '../sync-server/test/fuzz/collect-stored-secrets';
import { runFuzz } from '../sync-server/test/fuzz/run-fuzz';
import { closeJsonRequests, requestJson } from './request-json';
import { startServer } from './start-server';

const cases = Number(process.env.FUZZ_CASES ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? 424242);
const adminPassword = 'fuzz admin password 1234';

const post = (url: string, body: unknown, token?: string) => requestJson(url, { method: 'POST', body, ...(token ? { token } : {}) });

const folder = mkdtempSync(join(tmpdir(), 'oa-bench-fuzz-'));
const path = join(folder, 'fuzz.db');
const server = await startServer({ DATABASE_URL: `file:${path}`, DATA_DIR: folder, ADMIN_PASSWORD: adminPassword, AUTH_RATE_LIMIT_PER_MINUTE: '100000' });
try {
  console.log(`Fuzz run (node ${process.version}, SQLite): ${cases} requests, seed ${seed}`);
  const admin = await post(`${server.url}/auth/admin/login`, { email: 'admin@annavaram.local', password: adminPassword });
  const alice = await post(`${server.url}/auth/register`, { email: 'alice@example.com', password: 'alice password 1', name: 'Alice' });
  const bob = await post(`${server.url}/auth/register`, { email: 'bob@example.com', password: 'bob password 12', name: 'Bob' });
  await post(`${server.url}/sync/cart_items/push`, [{ assumedMasterState: null, newDocumentState: { id: 'ci-bob-secret', _deleted: false, cartId: 'cart-bob-secret-marker', productId: 'demo-product-1', quantity: 3 } }], bob.accessToken);
  const reader = await openSqliteStorage({ path, pollIntervalMs: 0 });
  const { collectionNames, collections } = await import('@oa/schema');
  await reader.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
  const secrets = await collectStoredSecrets(reader);
  await reader.close();

  const started = performance.now();
  const report = await runFuzz(
    {
      url: server.url,
      tokens: { nobody: undefined, shopper: alice.accessToken, admin: admin.accessToken, forged: `${alice.accessToken.slice(0, -4)}AAAA` },
      checks: { foreign: ['cart-bob-secret-marker', 'bob@example.com'], secrets },
    },
    { cases, seed, onProgress: (done) => done % 10_000 === 0 && console.log(`  ${done} sent`) },
  );
  const seconds = (performance.now() - started) / 1000;
  const fivexx = Object.entries(report.byStatus).filter(([status]) => status.startsWith('5')).reduce((sum, [, n]) => sum + n, 0);
  const health = await fetch(`${server.url}/health`);
  console.log(`  ${report.cases} requests in ${seconds.toFixed(0)} s (${Math.round(report.cases / seconds)}/s)`);
  console.log(`  answers by status: ${Object.entries(report.byStatus).sort().map(([status, n]) => `${status}: ${n}`).join(', ')}`);
  console.log(`  answers of 5xx: ${fivexx}; problems (5xx, stack, secret, another shopper's data): ${report.problems.length}`);
  for (const { request, problem } of report.problems.slice(0, 10)) console.log(`    ${problem} ← ${request.method} ${request.path} ${request.body ?? ''}`.slice(0, 400));
  console.log(`  /health afterwards: ${health.status}; server memory ${(server.rss() / 2 ** 20).toFixed(0)} MB`);
  if (report.problems.length > 0 || health.status !== 200) process.exitCode = 1;
} finally {
  closeJsonRequests();
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
}
