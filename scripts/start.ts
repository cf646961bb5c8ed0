/**
 * `npm start`: the sync server (PORT, default 4000) and the shop's production build with its
 * service worker (SHOP_PORT, default 5174), side by side. Builds the shop first when its build
 * is missing or older than its sources. Forwards SIGINT/SIGTERM to both; if one stops, so does
 * the other. The server itself is unchanged: `tsx sync-server/src/main.ts`. START_ONLY=sync or
 * START_ONLY=shop runs one of the two (the end-to-end tests stop the sync server alone).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string): string => join(root, 'node_modules/.bin', name);
const log = (message: string): void => console.log(`[start] ${message}`);

/** Newest modification time under the given files and folders (node_modules skipped). */
function newestChange(paths: readonly string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
    } else newest = Math.max(newest, stats.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** One build at a time across processes (parallel test files): a lock directory, waited for. */
function withBuildLock(run: () => void): void {
  const lock = join(root, 'client-shop/.build-lock');
  const until = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another process builds; a lock older than the wait is taken as left behind by a crash.
      if (Date.now() > until) break;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function buildShopIfStale(): void {
  const built = join(root, 'client-shop/dist/index.html');
  const sources = ['client-shop/src', 'client-shop/public', 'client-shop/index.html', 'client-shop/vite.config.ts', 'client-sync/src', 'schema/src']
    .map((path) => join(root, path));
  if (existsSync(built) && statSync(built).mtimeMs >= newestChange(sources)) return;
  log('building the shop (client-shop/dist is missing or older than its sources)');
  // NODE_ENV is set explicitly: started from a test runner (NODE_ENV=test) Vite would otherwise
  // bundle React's development build, and `npm start` would then serve that one.
  const result = spawnSync(bin('vite'), ['build', '--config', join(root, 'client-shop/vite.config.ts')], {
    cwd: join(root, 'client-shop'),
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    console.error('[start] the shop did not build');
    process.exit(result.status ?? 1);
  }
}

const only = process.env.START_ONLY;
if (only !== undefined && only !== 'sync' && only !== 'shop') {
  console.error('[start] START_ONLY is "sync" or "shop"');
  process.exit(1);
}
if (only !== 'sync') withBuildLock(buildShopIfStale);

const shopPort = process.env.SHOP_PORT || '5174';
// The shop's own origins may call the sync server, whatever SHOP_PORT is; CORS_ORIGINS, when
// set, is taken as it is.
const corsOrigins = process.env.CORS_ORIGINS ||
  [...new Set([`http://localhost:${shopPort}`, `http://127.0.0.1:${shopPort}`, 'http://localhost:5174', 'http://localhost:5173', 'http://127.0.0.1:5174', 'http://127.0.0.1:5173'])].join(',');
const children: ChildProcess[] = [
  ...(only === 'shop' ? [] : [spawn(bin('tsx'), [join(root, 'sync-server/src/main.ts')], { stdio: 'inherit', env: { ...process.env, CORS_ORIGINS: corsOrigins } })]),
  ...(only === 'sync' ? [] : [spawn(bin('tsx'), [join(root, 'client-shop/server/serve.ts')], { stdio: 'inherit', env: { ...process.env, SHOP_PORT: shopPort } })]),
];

let stopping = false;
let exitCode = 0;
const stopAll = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const child of children) {
  child.once('exit', (code) => {
    if (!stopping) {
      exitCode = code ?? 1;
      stopAll('SIGTERM');
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
  });
}
process.once('SIGINT', () => stopAll('SIGINT'));
process.once('SIGTERM', () => stopAll('SIGTERM'));
