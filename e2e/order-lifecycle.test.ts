/**
 * An order's life after it is placed, in real Chromium on phone-sized screens against the real
 * servers: a shopper cancels a pending order from its page (the stock comes back, and the admin's
 * open list shows it cancelled without a reload), and the owner records a delivered order's cash
 * as collected (the payment reads paid in the admin app and in the shop).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium, startSplitStack, type SplitStack } from './harness';
import { postJson, signInAdminApp, signInShopApp } from './sign-in';

const adminEmail = 'admin@annavaram.local';
const adminPassword = 'e2e-admin-password-123';
const address = { name: 'Sita Devi', phone: '9848022338', line1: '1 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };

describe.skipIf(!existsSync(chromiumPath))("an order's lifecycle (Chromium, real servers)", () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-e2e-lifecycle-'));
  let stack: SplitStack | undefined;
  let browser: Browser | undefined;
  let shopUrl = '';
  let adminUrl = '';
  let syncUrl = '';
  let adminToken = '';

  const post = (path: string, body: unknown, token?: string): Promise<Response> => postJson(syncUrl, path, body, token);

  async function pullAsAdmin(collection: string): Promise<Array<Record<string, unknown> & { id: string }>> {
    const answer = (await (await fetch(`${syncUrl}/sync/${collection}/pull?limit=1000`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as {
      documents: Array<Record<string, unknown> & { id: string }>;
    };
    return answer.documents;
  }

  /** Moves an order on through the server's push, as another admin's device would. */
  async function moveAsAdmin(orderId: string, ...statuses: string[]): Promise<void> {
    for (const status of statuses) {
      const current = (await pullAsAdmin('orders')).find((order) => order.id === orderId)!;
      const answer = await post('/sync/orders/push', [{ assumedMasterState: current, newDocumentState: { ...current, status } }], adminToken);
      expect(await answer.json()).toEqual({ conflicts: [], rejections: [] });
    }
  }

  /** A shopper with an order placed through the API, signed in to the shop in their own browser context, on the order's page. */
  async function shopperOnOrderPage(name: string, productId: string): Promise<{ context: BrowserContext; page: Page; orderId: string }> {
    const email = `${name.toLowerCase()}-${Date.now()}@example.in`;
    const registered = (await (await post('/auth/register', { email, password: 'a-good-password', name })).json()) as { accessToken: string };
    const id = crypto.randomUUID();
    const pushed = await post('/sync/orders/push', [{ newDocumentState: { id, items: [{ productId, quantity: 2 }], shippingAddress: address, paymentMethod: 'cod' } }], registered.accessToken);
    expect(await pushed.json()).toEqual({ conflicts: [], rejections: [] });
    const { context, page } = await signInShopApp(browser!, shopUrl, email, 'a-good-password');
    await page.getByRole('navigation', { name: 'Shop' }).getByRole('link', { name: 'My orders' }).click();
    await expect.poll(() => page.locator(`[data-order-id="${id}"] .order__status`).textContent(), { timeout: 20_000 }).toBe('Placed');
    await page.locator(`[data-order-id="${id}"] a`).first().click();
    await page.getByTestId('order-page-status').waitFor({ timeout: 15_000 });
    return { context, page, orderId: id };
  }

  const signInAdmin = () => signInAdminApp(browser!, adminUrl, adminEmail, adminPassword);

  const stockOf = async (productId: string) => (await pullAsAdmin('products')).find((product) => product.id === productId)!.stock as number;

  beforeAll(async () => {
    stack = await startSplitStack(folder, { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword });
    ({ shopUrl, adminUrl, syncUrl } = stack);
    browser = await launchChromium();
    adminToken = ((await (await post('/auth/admin/login', { email: adminEmail, password: adminPassword })).json()) as { accessToken: string }).accessToken;
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  it("lets a shopper cancel a pending order: the stock comes back and the admin's open list shows it at once", async () => {
    const admin = await signInAdmin();
    const before = await stockOf('demo-product-2');
    const shopper = await shopperOnOrderPage('Lakshmi', 'demo-product-2');
    expect(await stockOf('demo-product-2')).toBe(before - 2);
    await admin.page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: /^Orders/ }).click();
    const row = admin.page.locator(`[data-order-id="${shopper.orderId}"] [data-status]`);
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('pending');

    await shopper.page.getByRole('button', { name: 'Cancel order' }).click();
    await shopper.page.getByRole('button', { name: 'Yes, cancel the order' }).click();
    await expect.poll(() => shopper.page.getByTestId('order-page-status').textContent(), { timeout: 20_000 }).toBe('Cancelled');
    // The server took it: the admin's list (never reloaded) follows, and the stock is back.
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('cancelled');
    await expect.poll(() => stockOf('demo-product-2'), { timeout: 10_000 }).toBe(before);
    expect(await shopper.page.getByRole('button', { name: 'Cancel order' }).count()).toBe(0);
    await Promise.all([shopper.context.close(), admin.context.close()]);
  }, 180_000);

  it('records the cash of a delivered order as collected; its payment reads paid in both apps', async () => {
    const shopper = await shopperOnOrderPage('Padma', 'demo-product-3');
    await moveAsAdmin(shopper.orderId, 'confirmed', 'packed', 'shipped', 'delivered');
    await expect.poll(() => shopper.page.getByTestId('order-page-status').textContent(), { timeout: 30_000 }).toBe('Delivered');

    const admin = await signInAdmin();
    await admin.page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: /^Orders/ }).click();
    await admin.page.locator(`[data-order-id="${shopper.orderId}"] a`).click({ timeout: 20_000 });
    await expect.poll(() => admin.page.getByTestId('order-payment').textContent(), { timeout: 20_000 }).toBe('Cash on delivery · pending');
    await admin.page.getByRole('button', { name: 'Cash collected' }).click();
    await admin.page.getByRole('button', { name: 'Yes, record it' }).click();
    // The server stamps who and when: the admin's replica gets the payment back with them, named.
    await expect.poll(() => admin.page.getByTestId('order-payment').textContent(), { timeout: 30_000 }).toMatch(/^Cash on delivery · cash collected .* by Administrator$/);
    expect(await admin.page.getByRole('button', { name: 'Cash collected' }).count()).toBe(0);
    const payment = (await pullAsAdmin('payments')).find((entry) => entry.orderId === shopper.orderId)!;
    expect(payment).toMatchObject({ status: 'paid', collectedAt: expect.any(String), collectedBy: expect.any(String) });
    // The shopper's open page follows without a reload.
    await expect.poll(() => shopper.page.getByTestId('order-payment').textContent(), { timeout: 30_000 }).toMatch(/paid in cash/i);
    await Promise.all([shopper.context.close(), admin.context.close()]);
  }, 180_000);
});
