/**
 * Shop PWA benchmark in real Chromium against the real servers (not a timed test: it prints
 * figures with their targets): the gzipped JavaScript of the first load; the time for a fresh
 * browser to sync N ~1 KB products into IndexedDB, from navigation until the products store
 * holds all N; and the time from an offline reload (both servers stopped, the service worker in
 * control) to the first product on screen.   npm run bench:shop     BENCH_PRODUCTS=2000 npm run bench:shop
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumPath, freePort, launchChromium, root, runStart, waitForHttp } from '../e2e/harness';
import { median } from './figures';
import { measureFirstLoad } from './first-load-size';
import { prepareCatalogue } from './prepare-catalogue';

export interface ShopBenchOptions {
  readonly products: number;
  readonly offlineReloads: number;
  readonly log: (line: string) => void;
}

export interface ShopBenchResult {
  readonly firstLoadGzipBytes: number;
  /** On the wire: the shop's first route until its load event, and the first sync's answers. */
  readonly firstRouteBytes: number;
  readonly firstSyncBytes: number;
  readonly syncMs: number;
  readonly offlineReloadMs: readonly number[];
}

export const targets = { firstLoadGzipKb: 300, firstRouteKb: 150, syncMs: 3000, offlineReloadMs: 1500 } as const;

// Run in the page (strings, since bench/ type-checks without the DOM library). Counts the rows
// of RxDB's Dexie store for the visitor's products, read-only, and answers with the page's clock
// (milliseconds since navigation) when it holds `n`.
const whenProductsStored = (n: number): string => `(async () => {
  const count = () => new Promise((done) => {
    indexedDB.databases().then((all) => {
      const name = all.map((d) => d.name ?? '').find((x) => x.startsWith('rxdb-dexie-oa-shop-catalogue--') && x.endsWith('--products'));
      if (!name) return done(0);
      const open = indexedDB.open(name);
      open.onerror = () => done(0);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('docs')) { db.close(); return done(0); }
        const request = db.transaction('docs', 'readonly').objectStore('docs').count();
        request.onsuccess = () => { db.close(); done(request.result); };
        request.onerror = () => { db.close(); done(0); };
      };
    });
  });
  for (;;) {
    if ((await count()) >= ${n}) return performance.now();
    await new Promise((r) => setTimeout(r, 25));
  }
})()`;
const firstProductOnScreen = "document.querySelector('.product__name') !== null && performance.now()";

const verdict = (value: number, target: number): string => (value <= target ? 'within target' : 'OVER target');

export async function runShopBench(options: ShopBenchOptions): Promise<ShopBenchResult> {
  const { log } = options;
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: the shop benchmark needs Debian's chromium`);
  const folder = mkdtempSync(join(tmpdir(), 'oa-bench-shop-'));
  const dbPath = join(folder, 'bench.db');
  await prepareCatalogue(dbPath, options.products);
  const [port, shopPort] = [await freePort(), await freePort()];
  const shopUrl = `http://127.0.0.1:${shopPort}`;
  // `npm start`'s script: builds the shop first when its build is missing or stale.
  const start = runStart(folder, {
    HOST: '127.0.0.1', PORT: String(port), SHOP_PORT: String(shopPort), DATABASE_URL: `file:${dbPath}`, DATA_DIR: folder,
    CORS_ORIGINS: '', SEED_DEMO_CATALOG: 'false', ADMIN_PASSWORD: 'bench admin password 1234', START_ONLY: 'sync,shop',
  });
  const browser = await launchChromium();
  try {
    await Promise.all([waitForHttp(`http://127.0.0.1:${port}/health`, 180_000), waitForHttp(`${shopUrl}/config.json`, 180_000)]).catch((error: Error) => {
      throw new Error(`${error.message}; output:\n${start.output()}`);
    });

    // 1. The first load's JavaScript, from the build the server serves.
    const size = measureFirstLoad(join(root, 'client-shop/dist'));
    const kb = size.gzipBytes / 1024;
    log(`first-load JavaScript: ${kb.toFixed(1)} KB gzipped in ${size.files.length} file(s) (budget ${targets.firstLoadGzipKb} KB: ${verdict(kb, targets.firstLoadGzipKb)})`);

    // 2. A fresh browser (new context: empty IndexedDB, no service worker) syncs the catalogue.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    // Bytes on the wire (compressed bodies and headers), the page's own requests: the shop's
    // first route until its load event, and the sync server's answers until the catalogue is stored.
    const wire = { shop: 0, sync: 0, syncDecoded: 0, loaded: false };
    page.on('requestfinished', (request) => {
      void request.sizes().then((sizes) => {
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        if (request.url().startsWith(shopUrl)) {
          if (!wire.loaded) wire.shop += bytes;
        } else if (request.url().startsWith(`http://127.0.0.1:${port}/`)) {
          wire.sync += bytes;
          void request.response().then((response) => response?.body()).then((body) => (wire.syncDecoded += body?.length ?? 0), () => undefined);
        }
      }, () => undefined);
    });
    await page.goto(shopUrl, { waitUntil: 'load' });
    wire.loaded = true;
    const syncMs = (await page.evaluate(whenProductsStored(options.products))) as number;
    log(`fresh browser syncs ${options.products.toLocaleString('en-IN')} products into IndexedDB: ${syncMs.toFixed(0)} ms from navigation (target under ${targets.syncMs} ms: ${verdict(syncMs, targets.syncMs)})`);
    await page.waitForTimeout(500); // the last answers' sizes
    log(`bytes on the wire: the shop's first route ${(wire.shop / 1024).toFixed(1)} KB (target ${targets.firstRouteKb} KB: ${verdict(wire.shop / 1024, targets.firstRouteKb)}); the first sync ${(wire.sync / 2 ** 20).toFixed(2)} MB (${(wire.syncDecoded / 2 ** 20).toFixed(2)} MB of JSON uncompressed)`);

    // 3. Offline reloads: both servers stopped, the service worker serves the shell.
    await page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: 30_000 });
    await page.locator('.product__name').first().waitFor({ timeout: 30_000 });
    await start.stop();
    const offlineReloadMs: number[] = [];
    for (let run = 0; run < options.offlineReloads; run++) {
      const response = await page.reload();
      if (!response?.fromServiceWorker()) throw new Error('the offline reload did not come from the service worker');
      const handle = await page.waitForFunction(firstProductOnScreen, undefined, { timeout: 30_000, polling: 'raf' });
      offlineReloadMs.push((await handle.jsonValue()) as number);
    }
    const typical = median(offlineReloadMs);
    log(`offline reload to the catalogue on screen: ${typical.toFixed(0)} ms median of ${offlineReloadMs.length} (${offlineReloadMs.map((ms) => ms.toFixed(0)).join(', ')}) (target under ${targets.offlineReloadMs} ms: ${verdict(typical, targets.offlineReloadMs)})`);
    await context.close();
    return { firstLoadGzipBytes: size.gzipBytes, firstRouteBytes: wire.shop, firstSyncBytes: wire.sync, syncMs, offlineReloadMs };
  } finally {
    await browser.close();
    await start.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`Shop PWA benchmark (node ${process.version}, ${chromiumPath}, SQLite)`);
  await runShopBench({ products: Number(process.env.BENCH_PRODUCTS ?? 10_000), offlineReloads: 3, log: (line) => console.log(`  ${line}`) });
}
