/**
 * The shop offline, in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
 * `npm start`'s own script runs the real sync server and the built shop with its service worker,
 * each on a free port with a temporary database. Load online, let the service worker take
 * control, stop both servers (so neither the network nor the shop's origin answers), reload:
 * the shell comes from the service worker and the catalogue from IndexedDB.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium, startShopStack, type Started } from './harness';

describe.skipIf(!existsSync(chromiumPath))('the shop offline (Chromium, real servers)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-e2e-'));
  let start: Started | undefined;
  let browser: Browser | undefined;
  let shopUrl = '';
  let syncUrl = '';

  beforeAll(async () => {
    // The same script as `npm start`: it builds the shop when dist/ is missing or stale.
    ({ start, shopUrl, syncUrl } = await startShopStack(folder, {}, 90_000));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await start?.stop();
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
    // The first sync has finished, not only shown its products: its time is what the status line
    // keeps across the reload. (The stream connects once the replications start, which on a busy
    // machine can be seconds before they have caught up.)
    await page.waitForFunction("localStorage.getItem('oa-shop-last-synced:catalogue') !== null", undefined, { timeout: 20_000 });

    // Offline: the shop's origin and the sync server are both gone.
    await start!.stop();
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
    // The status line tells the truth: online, but the shop's server does not answer; the last
    // sync is kept across the reload, and no first download is claimed with the catalogue on screen.
    const status = page.locator('[data-connection]');
    await expect.poll(() => status.getAttribute('data-connection'), { timeout: 15_000 }).toBe('unreachable');
    expect(await status.textContent()).toMatch(/^Can’t reach the shopLast synced \d\d:\d\d$/);
    expect(await page.getByText('Downloading').count()).toBe(0);
    await context.close();
  }, 90_000);
});
