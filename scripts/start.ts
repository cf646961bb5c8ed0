/**
 * `npm start`: the sync server (PORT, default 4000), the shop's production build with its service
 * worker (SHOP_PORT, default 5174) and the admin app's (ADMIN_PORT, default 5173), side by side.
 * Builds each app first when its build is missing or older than its sources. Forwards
 * SIGINT/SIGTERM to all; if one stops, so do the others. The server itself is unchanged:
 * `tsx sync-server/src/main.ts`. START_ONLY=sync, shop or admin (or a comma-separated list) runs
 * only those (the end-to-end tests stop the sync server alone).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { withBuildLock } from './with-build-lock.ts';

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

// client-sync/build: what both apps' vite.config.ts share.
const sharedSources = ['client-sync/src', 'client-sync/build', 'schema/src'];

function buildIfStale(app: 'client-shop' | 'client-admin'): void {
  const built = join(root, app, 'dist/index.html');
  const sources = [`${app}/src`, `${app}/public`, `${app}/index.html`, `${app}/vite.config.ts`, ...sharedSources].map((path) => join(root, path));
  if (existsSync(built) && statSync(built).mtimeMs >= newestChange(sources)) return;
  log(`building ${app} (its dist/ is missing or older than its sources)`);
  // NODE_ENV is set explicitly: started from a test runner (NODE_ENV=test) Vite would otherwise
  // bundle React's development build, and `npm start` would then serve that one.
  const result = spawnSync(bin('vite'), ['build', '--config', join(root, app, 'vite.config.ts')], {
    cwd: join(root, app),
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    console.error(`[start] ${app} did not build`);
    process.exit(result.status ?? 1);
  }
}

const parts = ['sync', 'shop', 'admin'] as const;
type Part = (typeof parts)[number];
const only = (process.env.START_ONLY ?? '').split(',').map((part) => part.trim()).filter(Boolean);
if (only.some((part) => !(parts as readonly string[]).includes(part))) {
  console.error('[start] START_ONLY is a comma-separated list of sync, shop and admin');
  process.exit(1);
}
const runs = (part: Part): boolean => only.length === 0 || only.includes(part);
if (runs('shop')) withBuildLock(join(root, '.build-lock'), () => buildIfStale('client-shop'));
if (runs('admin')) withBuildLock(join(root, '.build-lock'), () => buildIfStale('client-admin'));

const shopPort = process.env.SHOP_PORT || '5174';
const adminPort = process.env.ADMIN_PORT || '5173';
// The apps' own origins may call the sync server, whatever their ports; CORS_ORIGINS, when set,
// is taken as it is.
const corsOrigins =
  process.env.CORS_ORIGINS ||
  [...new Set([shopPort, adminPort, '5174', '5173'].flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]))].join(',');
const children: ChildProcess[] = [
  ...(runs('sync') ? [spawn(bin('tsx'), [join(root, 'sync-server/src/main.ts')], { stdio: 'inherit', env: { ...process.env, CORS_ORIGINS: corsOrigins } })] : []),
  ...(runs('shop') ? [spawn(bin('tsx'), [join(root, 'client-shop/server/serve.ts')], { stdio: 'inherit', env: { ...process.env, SHOP_PORT: shopPort } })] : []),
  ...(runs('admin') ? [spawn(bin('tsx'), [join(root, 'client-admin/server/serve.ts')], { stdio: 'inherit', env: { ...process.env, ADMIN_PORT: adminPort } })] : []),
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
