/**
 * Ordering offline, in real Chromium against the real servers: fill a cart as a visitor, register
 * (the cart joins the account's), stop the sync server (the shop's own server and service worker
 * stay), check out: the order waits to sync, and still does after a reload, with the count of
 * waiting changes. Start the sync server again on the same database: the order reaches it, the
 * shop shows its OA- number, and an admin's status change arrives, all without a reload.
 * Runs on SQLite and, in the mongodb-replset project, with the server on MongoDB (vitest.config.ts).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium, startSplitStack, type SplitStack } from './harness';

const adminEmail = 'admin@annavaram.local';
const adminPassword = 'e2e-admin-password-123';
const laddu = 'Annavaram Prasadam (Godhuma Ravva Laddu)';

type Doc = Record<string, unknown> & { id: string };

async function adminToken(syncUrl: string): Promise<string> {
  const response = await fetch(`${syncUrl}/auth/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: adminEmail, password: adminPassword }),
  });
  if (!response.ok) throw new Error(`admin login: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function pullAll(syncUrl: string, token: string, collection: string): Promise<Doc[]> {
  const documents: Doc[] = [];
  let checkpoint: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', ...(checkpoint ? { checkpoint } : {}) });
    const response = await fetch(`${syncUrl}/sync/${collection}/pull?${query}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`pull ${collection}: HTTP ${response.status}`);
    const page = (await response.json()) as { documents: Doc[]; checkpoint: string };
    if (page.documents.length === 0) return documents.filter((doc) => doc._deleted !== true);
    documents.push(...page.documents);
    checkpoint = page.checkpoint;
  }
}

describe.skipIf(!existsSync(chromiumPath))('ordering offline in the shop (Chromium, real servers)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-e2e-order-'));
  let stack: SplitStack | undefined;
  let browser: Browser | undefined;
  let shopUrl = '';
  let syncUrl = '';

  beforeAll(async () => {
    stack = await startSplitStack(folder, { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword }, 'shop');
    ({ shopUrl, syncUrl } = stack);
    browser = await launchChromium();
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  it('places an order offline, syncs it when the server is back and shows an admin’s status change live', async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const tabs = page.locator('.tabs');
    const connection = () => page.locator('[data-connection]').getAttribute('data-connection');
    await page.goto(shopUrl);
    await page.getByText(laddu).waitFor({ timeout: 20_000 });
    await page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: 20_000 });

    // A visitor fills a cart before having an account.
    await page.getByRole('button', { name: `Add ${laddu} to cart` }).click({ timeout: 20_000 });
    await tabs.getByRole('link', { name: 'Cart (1)' }).waitFor({ timeout: 10_000 });
    // The card says so: one in the cart, with − and + in place of the button.
    await page.getByRole('group', { name: `${laddu} in your cart` }).getByText('1 in cart').waitFor();

    // Register in the UI: the visitor's cart joins the new account's.
    await tabs.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'New here? Create an account' }).click();
    await page.getByLabel('Name').fill('Sita Devi');
    const email = `sita-${Date.now()}@example.in`;
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a-good-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Signed in as').waitFor({ timeout: 15_000 });

    // The cart line is the account's now, and reaches the server; the stream is live.
    await tabs.getByRole('link', { name: 'Cart (1)' }).waitFor({ timeout: 10_000 });
    await expect.poll(connection, { timeout: 15_000 }).toBe('live');
    const token = await adminToken(syncUrl);
    const account = await fetch(`${syncUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'a-good-password' }),
    }).then((response) => response.json() as Promise<{ accessToken: string; user: { id: string } }>);
    await expect.poll(async () => (await pullAll(syncUrl, account.accessToken, 'cart_items')).map((line) => [line.productId, line.quantity]), { timeout: 15_000 }).toEqual([
      ['demo-product-1', 1],
    ]);

    // The sync server goes away; the shop's server and its service worker stay.
    await stack!.stopSync();
    await expect(fetch(`${syncUrl}/health`)).rejects.toThrow();
    await expect.poll(connection, { timeout: 15_000 }).not.toBe('live');

    // Check out offline.
    await tabs.getByRole('link', { name: 'Cart (1)' }).click();
    expect(await page.getByTestId('cart-total').textContent()).toBe('₹60');
    await page.getByRole('button', { name: 'Checkout' }).click();
    // The name comes from the account; a PIN code typed with a space is fine.
    expect(await page.getByLabel('Full name').inputValue()).toBe('Sita Devi');
    // Placing it unfinished takes the shopper to the first field to fix, clear of the sticky header with its label.
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect.poll(() => page.evaluate<string | null>("document.activeElement?.getAttribute('name') ?? null")).toBe('phone');
    const labelTop = await page.evaluate<number>('document.querySelector(`label[for="${document.activeElement.id}"]`).getBoundingClientRect().top');
    const headerBottom = await page.evaluate<number>("document.querySelector('.top').getBoundingClientRect().bottom");
    expect(labelTop).toBeGreaterThanOrEqual(headerBottom);
    await page.getByLabel('Phone').fill('98480 22338');
    await page.getByLabel('House and street').fill('1 Temple Road');
    await page.getByLabel('City').fill('Annavaram');
    await page.getByLabel('State').fill('Andhra Pradesh');
    await page.getByLabel('PIN code').fill('533 406');
    await page.getByRole('button', { name: 'Place order' }).click();
    const order = page.locator('.order');
    await expect.poll(() => order.locator('.order__status').textContent(), { timeout: 10_000 }).toBe('Waiting to sync');
    await tabs.getByRole('link', { name: 'Cart (0)' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId('pending-uploads').textContent(), { timeout: 10_000 }).toMatch(/changes? waiting to upload/);

    // Closing or reloading the app loses nothing: the order still waits, and the header still
    // counts what waits to upload.
    await page.reload();
    await expect.poll(() => order.locator('.order__status').textContent(), { timeout: 20_000 }).toBe('Waiting to sync');
    await expect.poll(() => page.getByTestId('pending-uploads').textContent(), { timeout: 20_000 }).toMatch(/changes? waiting to upload/);
    // Marks this page: from here on, a reload would lose it.
    await page.evaluate('window.__sameDocument = true');

    // The sync server comes back on the same port and database: the order goes up.
    await stack!.startSync();
    let stored: Doc | undefined;
    await expect
      .poll(async () => (stored = (await pullAll(syncUrl, token, 'orders'))[0]), { timeout: 45_000, interval: 500 })
      .toBeDefined();
    expect(stored).toMatchObject({ status: 'pending', paymentMethod: 'cod', total: 100, items: [{ name: laddu, quantity: 1, price: 60 }] });
    expect(String(stored!.orderId)).toMatch(/^OA-/);
    await expect.poll(() => order.locator('.order__number').textContent(), { timeout: 30_000 }).toBe(stored!.orderId);
    expect(await order.locator('.order__status').textContent()).toBe('Placed');

    // An admin confirms it: the shop shows it through the live stream.
    const push = await fetch(`${syncUrl}/sync/orders/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ assumedMasterState: stored, newDocumentState: { ...stored, status: 'confirmed' } }]),
    });
    expect(await push.json()).toEqual({ conflicts: [], rejections: [] });
    await expect.poll(() => order.locator('.order__status').textContent(), { timeout: 30_000 }).toBe('Confirmed');
    expect(await page.evaluate('window.__sameDocument')).toBe(true);

    // Signing out removes the shopper's database from the device (shared phones) and the session.
    const userDatabases = "indexedDB.databases().then((all) => all.filter((d) => (d.name ?? '').includes('oa-shop-user-')).length)";
    expect(await page.evaluate(userDatabases)).toBeGreaterThan(0);
    await tabs.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await tabs.getByRole('link', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => page.evaluate(userDatabases), { timeout: 10_000 }).toBe(0);
    expect(await page.evaluate("localStorage.getItem('oa-shop-session')")).toBeNull();
    await context.close();
  }, 240_000);
});
