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
import { chromiumPath, launchChromium, startSplitStack, type SplitStack } from './harness';

const laddu = 'Annavaram Prasadam (Godhuma Ravva Laddu)';

describe.skipIf(!existsSync(chromiumPath))('an outdated shop (Chromium, real servers)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-e2e-outdated-'));
  let stack: SplitStack | undefined;
  let browser: Browser | undefined;
  let shopUrl = '';

  beforeAll(async () => {
    stack = await startSplitStack(folder, {}, 'shop');
    ({ shopUrl } = stack);
    browser = await launchChromium();
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  it('keeps showing the saved catalogue and offers the update when the server requires a newer app', async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(shopUrl);
    await page.getByText(laddu).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-connection]').getAttribute('data-connection'), { timeout: 15_000 }).toBe('live');
    expect(await page.getByText('This version of the shop is out of date').count()).toBe(0);

    await stack!.stopSync();
    await stack!.startSync({ MIN_CLIENT_PROTOCOL: '99' });
    await page.reload();
    await page.getByText(laddu).waitFor({ timeout: 20_000 });
    await page.getByText('This version of the shop is out of date').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Update now' }).waitFor();
    // Looks like the shop's own: the orange of a required update, and its main action in saffron.
    const colours = await page.evaluate<{ banner: string; button: string }>(
      "(() => { const banner = document.querySelector('.update--required'); return { banner: getComputedStyle(banner).backgroundColor, button: getComputedStyle(banner.querySelector('button')).backgroundColor }; })()",
    );
    expect(colours).toEqual({ banner: 'rgb(255, 217, 196)', button: 'rgb(184, 79, 12)' });
    // Replication stopped rather than retrying a request the server will always refuse.
    expect(await page.locator('[data-connection]').getAttribute('data-connection')).toBe('outdated');
    await context.close();
  }, 120_000);
});
