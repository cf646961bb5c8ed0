/**
 * What a developer sees in the browser's console while the apps are used normally: nothing. A first
 * visit, a reload from the device's copy, and an admin's sign-in write no warning and no error, so
 * one that does appear is news. RxDB's advertisement for its paid storages used to be printed on
 * every load (client-sync/build/drop-rxdb-storage-notice.ts takes it out of the builds).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium, startShopStack, type Started } from './harness';
import { phone } from './sign-in';

const adminEmail = 'admin@annavaram.local';
const adminPassword = 'e2e-admin-password-123';

/** Every console warning and error of the page, and any uncaught exception, as lines. */
function recordConsole(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') lines.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => lines.push(`uncaught: ${error.message}`));
  return lines;
}

describe.skipIf(!existsSync(chromiumPath))('the browser console (Chromium, real servers)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-e2e-console-'));
  let start: Started | undefined;
  let browser: Browser | undefined;
  let shopUrl = '';
  let adminUrl = '';

  beforeAll(async () => {
    ({ start, shopUrl, adminUrl } = await startShopStack(folder, { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword }));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await start?.stop();
    rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  it('stays empty while the shop syncs its catalogue, and again after a reload', async () => {
    const context = await browser!.newContext(phone);
    const page = await context.newPage();
    const logged = recordConsole(page);
    await page.goto(shopUrl);
    await page.getByText('Annavaram Prasadam (Godhuma Ravva Laddu)').waitFor({ timeout: 20_000 });
    // RxDB printed its notice on the first write to the device's database: the catalogue's.
    await page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: 20_000 });
    await page.reload();
    await page.getByText('Annavaram Prasadam (Godhuma Ravva Laddu)').waitFor({ timeout: 20_000 });
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    expect(logged).toEqual([]);
    await context.close();
  });

  it("stays empty while an admin signs in and the dashboard syncs", async () => {
    const context = await browser!.newContext(phone);
    const page = await context.newPage();
    const logged = recordConsole(page);
    await page.goto(adminUrl);
    await page.getByLabel('Email').fill(adminEmail);
    await page.getByLabel('Password').fill(adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor({ timeout: 20_000 });
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    expect(logged).toEqual([]);
    await context.close();
  });
});
