/**
 * An installed shop that the server no longer serves, in real Chromium: the sync server restarts
 * requiring a newer app (MIN_CLIENT_PROTOCOL); the shop, reloaded, still shows its saved
 * catalogue and offers the update, rather than failing request after request.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, freePort, launchChromium, runStart, waitForHttp, type Started } from './harness';

const laddu = 'Annavaram Prasadam (Godhuma Ravva Laddu)';

describe.skipIf(!existsSync(chromiumPath))('an outdated shop (Chromium, real servers)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-e2e-outdated-'));
  let env: Record<string, string> = {};
  let shop: Started | undefined;
  let sync: Started | undefined;
  let browser: Browser | undefined;
  let shopUrl = '';
  let syncUrl = '';

  async function startSync(extra: Record<string, string> = {}): Promise<void> {
    sync = runStart(folder, { ...env, ...extra, START_ONLY: 'sync' });
    await waitForHttp(`${syncUrl}/health`, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}; output:\n${sync!.output()}`);
    });
  }

  beforeAll(async () => {
    const [port, shopPort] = [await freePort(), await freePort()];
    shopUrl = `http://127.0.0.1:${shopPort}`;
    syncUrl = `http://127.0.0.1:${port}`;
    env = { HOST: '127.0.0.1', PORT: String(port), SHOP_PORT: String(shopPort), DATABASE_URL: `file:${join(folder, 'platform.db')}`, DATA_DIR: folder, CORS_ORIGINS: '' };
    shop = runStart(folder, { ...env, START_ONLY: 'shop' });
    await waitForHttp(`${shopUrl}/config.json`, 120_000).catch((error: Error) => {
      throw new Error(`${error.message}; output:\n${shop!.output()}`);
    });
    await startSync();
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([sync?.stop(), shop?.stop()]);
    rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  it('keeps showing the saved catalogue and offers the update when the server requires a newer app', async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(shopUrl);
    await page.getByText(laddu).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-connection]').getAttribute('data-connection'), { timeout: 15_000 }).toBe('live');
    expect(await page.getByText('This version of the shop is out of date').count()).toBe(0);

    await sync!.stop();
    await startSync({ MIN_CLIENT_PROTOCOL: '99' });
    await page.reload();
    await page.getByText(laddu).waitFor({ timeout: 20_000 });
    await page.getByText('This version of the shop is out of date').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Update now' }).waitFor();
    // Replication stopped rather than retrying a request the server will always refuse.
    expect(await page.locator('[data-connection]').getAttribute('data-connection')).not.toBe('live');
    await context.close();
  }, 120_000);
});
