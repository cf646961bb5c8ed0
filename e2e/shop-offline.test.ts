/**
 * The shop offline, in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
 * `npm start`'s own script runs the real sync server and the built shop with its service worker,
 * each on a free port with a temporary database. Load online, let the service worker take
 * control, stop both servers (so neither the network nor the shop's origin answers), reload:
 * the shell comes from the service worker and the catalogue from IndexedDB.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const chromiumPath = '/usr/bin/chromium';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

async function waitForHttp(url: string, ms: number): Promise<void> {
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

describe.skipIf(!existsSync(chromiumPath))('the shop offline (Chromium, real servers)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-e2e-'));
  let start: ChildProcess | undefined;
  let exited: Promise<unknown> = Promise.resolve();
  let output = '';
  let browser: Browser | undefined;
  let shopUrl = '';
  let syncUrl = '';

  beforeAll(async () => {
    const [port, shopPort] = [await freePort(), await freePort()];
    shopUrl = `http://127.0.0.1:${shopPort}`;
    syncUrl = `http://127.0.0.1:${port}`;
    // The same script as `npm start`: it builds the shop when dist/ is missing or stale.
    start = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/start.ts')], {
      cwd: folder,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), SHOP_PORT: String(shopPort), DATABASE_URL: `file:${join(folder, 'platform.db')}`, DATA_DIR: folder, CORS_ORIGINS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout!.on('data', (chunk) => (output += String(chunk)));
    start.stderr!.on('data', (chunk) => (output += String(chunk)));
    exited = new Promise((done) => start!.once('exit', done));
    try {
      await Promise.all([waitForHttp(`${syncUrl}/health`, 90_000), waitForHttp(`${shopUrl}/config.json`, 90_000)]);
    } catch (error) {
      throw new Error(`${(error as Error).message}; output:\n${output}`);
    }
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (start && start.exitCode === null && start.signalCode === null) {
      start.kill('SIGTERM');
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  const productNames = (page: Page) => page.locator('.product__name').allTextContents();

  it('renders the synced catalogue after a reload with both servers stopped', async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(shopUrl);

    // Online: the demo catalogue arrives through the sync server into IndexedDB and on screen.
    await page.getByText('Annavaram Prasadam (Godhuma Ravva Laddu)').waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await productNames(page)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(9);
    const online = await productNames(page);
    await expect.poll(() => page.locator('[data-connection]').getAttribute('data-connection'), { timeout: 10_000 }).toBe('live');
    // Run in the page (a string, since this file type-checks without the DOM library).
    await page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: 20_000 });

    // Offline: the shop's origin and the sync server are both gone.
    start!.kill('SIGTERM');
    await exited;
    await expect(fetch(`${shopUrl}/`)).rejects.toThrow();
    await expect(fetch(`${syncUrl}/health`)).rejects.toThrow();

    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await page.getByText('Annavaram Prasadam (Godhuma Ravva Laddu)').waitFor({ timeout: 10_000 });
    expect(await productNames(page)).toEqual(online);
    const laddu = page.locator('.product', { hasText: 'Annavaram Prasadam (Godhuma Ravva Laddu)' });
    expect(await laddu.locator('.product__price').textContent()).toBe('₹60');
    expect(await page.locator('.product', { hasText: 'Camphor Tablets' }).locator('.product__stock').textContent()).toBe('Out of stock');
    expect(await page.locator('.product', { hasText: 'Kumkum and Turmeric Set' }).locator('.product__stock').textContent()).toBe('Only 5 left');
    expect(await page.locator('[data-connection]').getAttribute('data-connection')).not.toBe('live');
    await context.close();
  }, 90_000);
});
