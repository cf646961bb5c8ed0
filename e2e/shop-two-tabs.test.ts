/**
 * Two tabs, one live connection, in real Chromium against the real servers: two pages of the
 * built shop in one browser context share the anonymous catalogue database; RxDB elects one of
 * them to replicate, so the sync server holds exactly one /sync/stream connection, counted by its
 * diagnostics (SYNC_DIAGNOSTICS=true, GET /debug/memory). The other tab still says "Online".
 * Signed in, the anonymous catalogue stops replicating: the shopper's database (catalogue
 * included) holds the one stream; signed out again, the anonymous one takes it back.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium, startShopStack, type Started } from './harness';

const laddu = 'Annavaram Prasadam (Godhuma Ravva Laddu)';

/** The server's open stream count once it has held still for `stableMs` (streams open and close asynchronously). */
async function stableStreamCount(syncUrl: string, stableMs = 2000, timeoutMs = 20_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const { streams } = (await (await fetch(`${syncUrl}/debug/memory`)).json()) as { streams: number };
    if (streams !== last) [last, since] = [streams, Date.now()];
    else if (Date.now() - since >= stableMs) return streams;
    if (Date.now() > until) throw new Error(`the stream count did not settle (last ${last})`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

describe.skipIf(!existsSync(chromiumPath))('two tabs of the shop (Chromium, real servers)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-e2e-tabs-'));
  let start: Started | undefined;
  let browser: Browser | undefined;
  let shopUrl = '';
  let syncUrl = '';

  beforeAll(async () => {
    ({ start, shopUrl, syncUrl } = await startShopStack(folder, { SYNC_DIAGNOSTICS: 'true' }));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await start?.stop();
    rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  const connection = (page: Page) => page.locator('[data-connection]').getAttribute('data-connection');
  const role = (page: Page) => page.locator('[data-connection]').getAttribute('data-replication');

  it('holds one live connection to the sync server for two open tabs, and hands it over when the leading tab closes', async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 740 } });
    const first = await context.newPage();
    await first.goto(shopUrl);
    await first.getByText(laddu).waitFor({ timeout: 20_000 });
    await expect.poll(() => connection(first), { timeout: 15_000 }).toBe('live');
    expect(await stableStreamCount(syncUrl)).toBe(1);

    // The second tab shows the same catalogue from the shared database and opens no stream of its own.
    const second = await context.newPage();
    await second.goto(shopUrl);
    await second.getByText(laddu).waitFor({ timeout: 20_000 });
    expect(await stableStreamCount(syncUrl)).toBe(1);
    // Online without a stream of its own: the leading tab holds it.
    expect(await connection(second)).toBe('live');
    expect(await connection(first)).toBe('live');
    expect([await role(first), await role(second)]).toEqual(['leader', 'follower']);

    // The leader goes away: the other tab is elected, connects, and is still the only one.
    await first.close({ runBeforeUnload: true });
    await expect.poll(() => role(second), { timeout: 30_000 }).toBe('leader');
    await expect.poll(() => connection(second), { timeout: 15_000 }).toBe('live');
    expect(await stableStreamCount(syncUrl)).toBe(1);
    await context.close();
  }, 120_000);

  it('holds one live connection once a shopper signs in, and one again after signing out', async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const tabs = page.getByRole('navigation', { name: 'Shop' });
    await page.goto(shopUrl);
    await page.getByText(laddu).waitFor({ timeout: 20_000 });
    await expect.poll(() => connection(page), { timeout: 15_000 }).toBe('live');
    expect(await stableStreamCount(syncUrl)).toBe(1);

    await tabs.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'New here? Create an account' }).click();
    await page.getByLabel('Name').fill('Lakshmi');
    await page.getByLabel('Email').fill(`lakshmi-${Date.now()}@example.in`);
    await page.getByLabel('Password').fill('a-good-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Signed in as').waitFor({ timeout: 15_000 });

    // One replication streams the catalogue and the shopper's own data.
    await expect.poll(() => connection(page), { timeout: 15_000 }).toBe('live');
    expect(await stableStreamCount(syncUrl)).toBe(1);
    await tabs.getByRole('link', { name: 'Shop' }).click();
    await page.getByText(laddu).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: `Add ${laddu} to cart` }).waitFor({ timeout: 10_000 });
    expect(await stableStreamCount(syncUrl)).toBe(1);

    // Signed out: the visitor's replication resumes, still one stream.
    await tabs.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await tabs.getByRole('link', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
    await tabs.getByRole('link', { name: 'Shop' }).click();
    await page.getByText(laddu).waitFor({ timeout: 20_000 });
    await expect.poll(() => connection(page), { timeout: 15_000 }).toBe('live');
    expect(await stableStreamCount(syncUrl)).toBe(1);
    await context.close();
  }, 120_000);
});
