/**
 * What the Chromium end-to-end tests share: free ports, waiting for a server to answer, running
 * `scripts/start.ts` (whole, or START_ONLY=sync, shop, admin or a list) as a child that can be stopped and started
 * again, and launching Debian's Chromium through playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { freePort } from '../scripts/mongo-standin/start-standin';
import { dropDatabase, freshDatabaseUrl } from '../sync-server/test/test-storage';

export const root = resolve(import.meta.dirname, '..');
export const chromiumPath = '/usr/bin/chromium';

export { freePort };

export async function waitForHttp(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Resolves once nothing answers at `url` (the server's port is closed), for at most `ms`. */
export async function waitForClosed(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      return;
    }
    if (Date.now() > until) throw new Error(`${url} still answers ${ms} ms after its server was stopped`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

export interface Started {
  /** Everything both servers printed, for failure messages. */
  output(): string;
  /** SIGTERM, resolved once the process has exited. */
  stop(): Promise<void>;
}

/** Runs scripts/start.ts (the same as `npm start`) in `cwd` with these environment variables. */
export function runStart(cwd: string, env: Record<string, string>): Started {
  let output = '';
  const child: ChildProcess = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/start.ts')], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, signalled whole on stop (as Ctrl-C does in a terminal): tsx's CLI
    // relays a signal to its child and kills it outright if the child does not acknowledge within
    // 30 ms, which on a busy machine would leave start.ts's servers running after `stop`.
    detached: true,
  });
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          child.kill('SIGTERM'); // the group is already gone
        }
      }
      await exited;
      // start.ts waits for its servers, so this normally finds nobody; should one have outlived it
      // (its parent killed outright), it must not run on, holding a port and a core, through the
      // rest of the suite.
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // the group is gone: nothing outlived it
        }
      }
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface ShopStack {
  readonly start: Started;
  readonly shopUrl: string;
  readonly adminUrl: string;
  readonly syncUrl: string;
}

/**
 * `npm start`'s own script on free ports with a fresh database of the test project's kind
 * (SQLite in `folder`, or MongoDB in the MongoDB projects; dropped on stop): the sync server,
 * the built shop and the built admin app, resolved once all answer (builds, when stale, first).
 */
export async function startShopStack(folder: string, env: Record<string, string> = {}, ms = 120_000): Promise<ShopStack> {
  const [port, shopPort, adminPort] = [await freePort(), await freePort(), await freePort()];
  const shopUrl = `http://127.0.0.1:${shopPort}`;
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const syncUrl = `http://127.0.0.1:${port}`;
  const databaseUrl = freshDatabaseUrl(folder);
  const start = runStart(folder, {
    HOST: '127.0.0.1',
    PORT: String(port),
    SHOP_PORT: String(shopPort),
    ADMIN_PORT: String(adminPort),
    DATABASE_URL: databaseUrl,
    DATA_DIR: folder,
    CORS_ORIGINS: '',
    ...env,
  });
  try {
    await Promise.all([waitForHttp(`${syncUrl}/health`, ms), waitForHttp(`${shopUrl}/config.json`, ms), waitForHttp(`${adminUrl}/config.json`, ms)]);
  } catch (error) {
    await start.stop();
    await dropDatabase(databaseUrl);
    throw new Error(`${(error as Error).message}; output:\n${start.output()}`);
  }
  const stopped = start.stop;
  const stop = async (): Promise<void> => {
    await stopped();
    await dropDatabase(databaseUrl);
  };
  return { start: { ...start, stop }, shopUrl, adminUrl, syncUrl };
}

export interface SplitStack {
  readonly shopUrl: string;
  readonly adminUrl: string;
  readonly syncUrl: string;
  /** Starts the sync server (again) on the same port and database, with extra variables if given. */
  startSync(extra?: Record<string, string>): Promise<void>;
  stopSync(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The apps' servers in one run of `npm start`'s script and the sync server in another, on free
 * ports with a fresh database of the test project's kind (as startShopStack), so a test can stop the sync server while the apps
 * (and their service workers) stay.
 */
export async function startSplitStack(folder: string, env: Record<string, string> = {}, parts = 'shop,admin'): Promise<SplitStack> {
  const [port, shopPort, adminPort] = [await freePort(), await freePort(), await freePort()];
  const shopUrl = `http://127.0.0.1:${shopPort}`;
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const syncUrl = `http://127.0.0.1:${port}`;
  const base = {
    HOST: '127.0.0.1', PORT: String(port), SHOP_PORT: String(shopPort), ADMIN_PORT: String(adminPort),
    DATABASE_URL: freshDatabaseUrl(folder), DATA_DIR: folder, CORS_ORIGINS: '', ...env,
  };
  const apps = runStart(folder, { ...base, START_ONLY: parts });
  const waits = [parts.includes('shop') ? `${shopUrl}/config.json` : undefined, parts.includes('admin') ? `${adminUrl}/config.json` : undefined];
  await Promise.all(waits.filter((url): url is string => url !== undefined).map((url) => waitForHttp(url, 150_000))).catch(async (error: Error) => {
    await apps.stop();
    throw new Error(`${error.message}; output:\n${apps.output()}`);
  });
  let sync: Started | undefined;
  const stack: SplitStack = {
    shopUrl,
    adminUrl,
    syncUrl,
    async startSync(extra = {}) {
      sync = runStart(folder, { ...base, ...extra, START_ONLY: 'sync' });
      await waitForHttp(`${syncUrl}/health`, 60_000).catch((error: Error) => {
        throw new Error(`${error.message}; output:\n${sync!.output()}`);
      });
    },
    async stopSync() {
      await sync?.stop();
      await waitForClosed(`${syncUrl}/health`, 15_000);
    },
    async stop() {
      await Promise.all([sync?.stop(), apps.stop()]);
      await dropDatabase(base.DATABASE_URL);
    },
  };
  await stack.startSync();
  return stack;
}
