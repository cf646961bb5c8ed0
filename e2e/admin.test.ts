/**
 * The admin app in real Chromium on a phone-sized screen, against the real servers, beside a
 * shopper's app in another browser context: an admin offline moves an order on, and the shop
 * shows the new status without a reload once the admin is back; a product the admin creates
 * appears in the shop live; two admins racing on one order end with one winner and a visible
 * explanation for the other.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium, startSplitStack, type SplitStack } from './harness';
import { phone, postJson, signInAdminApp, signInShopApp } from './sign-in';

const adminEmail = 'admin@annavaram.local';
const adminPassword = 'e2e-admin-password-123';
const address = { name: 'Sita Devi', phone: '9848022338', line1: '1 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };

describe.skipIf(!existsSync(chromiumPath))('the admin app (Chromium, real servers)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-e2e-admin-'));
  let stack: SplitStack | undefined;
  let browser: Browser | undefined;
  let shopUrl = '';
  let adminUrl = '';
  let syncUrl = '';

  const post = (path: string, body: unknown, token?: string): Promise<Response> => postJson(syncUrl, path, body, token);

  /** A shopper with an order placed through the API, signed in to the shop in their own browser context. */
  async function shopperWithOrder(name: string): Promise<{ context: BrowserContext; page: Page; orderId: string }> {
    const email = `${name.toLowerCase()}-${Date.now()}@example.in`;
    const registered = (await (await post('/auth/register', { email, password: 'a-good-password', name })).json()) as { accessToken: string };
    const id = crypto.randomUUID();
    const pushed = await post('/sync/orders/push', [{ newDocumentState: { id, items: [{ productId: 'demo-product-1', quantity: 1 }], shippingAddress: address, paymentMethod: 'cod' } }], registered.accessToken);
    expect(await pushed.json()).toEqual({ conflicts: [], rejections: [] });
    const { context, page } = await signInShopApp(browser!, shopUrl, email, 'a-good-password');
    await page.getByRole('navigation', { name: 'Shop' }).getByRole('link', { name: 'My orders' }).click();
    await expect.poll(() => page.locator(`[data-order-id="${id}"] .order__status`).textContent(), { timeout: 20_000 }).toBe('Placed');
    return { context, page, orderId: id };
  }

  const signInAdmin = (email: string, password: string) => signInAdminApp(browser!, adminUrl, email, password);

  async function openOrder(page: Page, orderId: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: /^Orders/ }).click();
    await page.locator(`[data-order-id="${orderId}"] a`).click({ timeout: 20_000 });
    await page.getByTestId('order-status').waitFor();
  }

  const connection = (page: Page) => page.locator('[data-connection]').getAttribute('data-connection');

  beforeAll(async () => {
    stack = await startSplitStack(folder, { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword });
    ({ shopUrl, adminUrl, syncUrl } = stack);
    browser = await launchChromium();
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  it('moves an order on offline; back online, the shopper sees the new status without a reload', async () => {
    const shopper = await shopperWithOrder('Lakshmi');
    await shopper.page.evaluate('window.__sameDocument = true');
    const admin = await signInAdmin(adminEmail, adminPassword);
    await admin.page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: 20_000 });
    await expect.poll(() => connection(admin.page), { timeout: 15_000 }).toBe('live');
    await openOrder(admin.page, shopper.orderId);
    expect(await admin.page.getByTestId('order-status').textContent()).toBe('Pending');

    // The connection goes: the admin confirms anyway, with a note; the change waits, visibly.
    await stack!.stopSync();
    await expect.poll(() => connection(admin.page), { timeout: 15_000 }).not.toBe('live');
    await admin.page.getByLabel('Note for this step (optional)').fill('Packing this afternoon');
    await admin.page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => admin.page.getByTestId('order-status').textContent()).toBe('Confirmed');
    await admin.page.getByTestId('order-waiting').waitFor();
    await expect.poll(() => admin.page.getByTestId('pending-uploads').textContent(), { timeout: 10_000 }).toMatch(/1 change waiting to upload/);
    // Every screen works offline on what has synced, after a reload too; the move still waits.
    await admin.page.reload();
    await expect.poll(() => admin.page.getByTestId('order-status').textContent(), { timeout: 20_000 }).toBe('Confirmed');
    await admin.page.getByTestId('order-waiting').waitFor({ timeout: 20_000 });
    await admin.page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Home' }).click();
    await admin.page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await admin.page.goBack();
    await admin.page.getByTestId('order-status').waitFor();

    // Back online: the move reaches the server and, through the live stream, the shopper.
    await stack!.startSync();
    await expect.poll(() => shopper.page.locator(`[data-order-id="${shopper.orderId}"] .order__status`).textContent(), { timeout: 45_000 }).toBe('Confirmed');
    expect(await shopper.page.getByText('Packing this afternoon').count()).toBe(1);
    expect(await shopper.page.evaluate('window.__sameDocument')).toBe(true);
    await expect.poll(() => admin.page.getByTestId('order-waiting').count(), { timeout: 15_000 }).toBe(0);
    // Only the moves the state machine allows next are offered.
    expect(await admin.page.locator('.moves__buttons button').allTextContents()).toEqual(['Mark packed', 'Cancel order']);
    await Promise.all([shopper.context.close(), admin.context.close()]);
  }, 180_000);

  it('creates a product that appears in an open shop without a reload', async () => {
    const shop = await browser!.newContext(phone);
    const shopPage = await shop.newPage();
    await shopPage.goto(shopUrl);
    await shopPage.getByText('Annavaram Prasadam (Godhuma Ravva Laddu)').waitFor({ timeout: 20_000 });
    await expect.poll(() => connection(shopPage), { timeout: 15_000 }).toBe('live');

    const admin = await signInAdmin(adminEmail, adminPassword);
    await admin.page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Products' }).click();
    await admin.page.getByRole('button', { name: /new product|add a product/i }).click();
    await admin.page.getByLabel('Name').fill('Tirupati Laddu Gift Box');
    await admin.page.getByLabel('Price (₹)', { exact: false }).fill('abc');
    await admin.page.getByRole('button', { name: 'Create product' }).click();
    await admin.page.getByText('Enter a price in rupees, like 60 or 99.50').waitFor();
    await admin.page.getByLabel('Price (₹)', { exact: false }).fill('350');
    await admin.page.getByLabel('Stock').fill('25');
    await admin.page.getByLabel('Category').selectOption({ label: 'Prasadam' });
    await admin.page.getByRole('button', { name: 'Create product' }).click();
    await admin.page.getByRole('heading', { name: 'Products' }).waitFor({ timeout: 10_000 });
    await admin.page.getByText('Tirupati Laddu Gift Box', { exact: true }).first().waitFor();

    await shopPage.getByText('Tirupati Laddu Gift Box').waitFor({ timeout: 30_000 });
    const card = shopPage.locator('.product', { hasText: 'Tirupati Laddu Gift Box' });
    expect(await card.locator('.product__price').textContent()).toBe('₹350');
    await Promise.all([shop.close(), admin.context.close()]);
  }, 120_000);

  it('ends a race of two admins on one order with one winner and an explanation for the other', async () => {
    const shopper = await shopperWithOrder('Padma');
    // A second admin, added by the first through the server's endpoint (never a synced password).
    const first = (await (await post('/auth/admin/login', { email: adminEmail, password: adminPassword })).json()) as { accessToken: string };
    const created = await post('/admin/admins', { email: 'second@annavaram.local', name: 'Second Admin', password: 'second-admin-password' }, first.accessToken);
    expect(created.status).toBe(201);

    const one = await signInAdmin(adminEmail, adminPassword);
    const two = await signInAdmin('second@annavaram.local', 'second-admin-password');
    await openOrder(one.page, shopper.orderId);
    await openOrder(two.page, shopper.orderId);

    // Both act on the pending order before either hears of the other's move.
    await stack!.stopSync();
    await one.page.getByRole('button', { name: 'Confirm' }).click();
    await two.page.getByRole('button', { name: 'Cancel order' }).click();
    await two.page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await stack!.startSync();

    const admin = (await (await post('/auth/admin/login', { email: adminEmail, password: adminPassword })).json()) as { accessToken: string };
    let winner = '';
    await expect
      .poll(
        async () => {
          const answer = (await (await fetch(`${syncUrl}/sync/orders/pull?limit=1000`, { headers: { authorization: `Bearer ${admin.accessToken}` } })).json()) as {
            documents: Array<{ id: string; status: string }>;
          };
          winner = answer.documents.find((order) => order.id === shopper.orderId)?.status ?? '';
          return winner;
        },
        { timeout: 30_000 },
      )
      .toMatch(/^(confirmed|cancelled)$/);
    const [winnerPage, loserPage, winnerLabel] = winner === 'confirmed' ? [one.page, two.page, 'Confirmed'] : [two.page, one.page, 'Cancelled'];
    // Both screens end on the server's state; only the one that lost says why.
    for (const page of [winnerPage, loserPage]) {
      await expect.poll(() => page.getByTestId('order-status').textContent(), { timeout: 30_000 }).toBe(winnerLabel);
    }
    await expect.poll(() => loserPage.getByTestId('order-notice').textContent(), { timeout: 30_000 }).toContain('Another admin changed this order first');
    expect(await loserPage.getByTestId('order-notice').textContent()).toContain(`it is ${winnerLabel} now`);
    expect(await winnerPage.getByTestId('order-notice').count()).toBe(0);
    await Promise.all([shopper.context.close(), one.context.close(), two.context.close()]);
  }, 180_000);
});
