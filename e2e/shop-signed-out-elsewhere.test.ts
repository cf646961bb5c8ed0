/**
 * A device signed out from another one, in real Chromium against the real servers: the shopper's
 * second device ends this one's session (deletes its `sessions` document, as the Account page's
 * devices list does). This device then hides the shopper's orders, wishlist and own reviews at once, says it
 * was signed out, stops sending requests (no retry storm of refused ones), and after a new
 * sign-in shows the orders again.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium, startSplitStack, type SplitStack } from './harness';
import { hideReviewAsAdmin, postJson, signInShopApp } from './sign-in';

const password = 'a-good-password';
const adminEmail = 'admin@annavaram.local';
const adminPassword = 'e2e-admin-password-123';
const address = { name: 'Sita Devi', phone: '9848022338', line1: '1 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };

describe.skipIf(!existsSync(chromiumPath))('a device signed out from elsewhere (Chromium, real servers)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-e2e-signed-out-'));
  let stack: SplitStack | undefined;
  let browser: Browser | undefined;
  let shopUrl = '';
  let syncUrl = '';

  const post = (path: string, body: unknown, token?: string): Promise<Response> => postJson(syncUrl, path, body, token);

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

  it('hides the shopper’s data, stops sending requests, and shows the orders again after a new sign-in', async () => {
    // The shopper's other device: registered through the API, with an order placed.
    const email = `sita-${Date.now()}@example.in`;
    const other = (await (await post('/auth/register', { email, password, name: 'Sita' })).json()) as { accessToken: string };
    const orderId = crypto.randomUUID();
    const pushed = await post('/sync/orders/push', [{ newDocumentState: { id: orderId, items: [{ productId: 'demo-product-1', quantity: 1 }], shippingAddress: address, paymentMethod: 'cod' } }], other.accessToken);
    expect(await pushed.json()).toEqual({ conflicts: [], rejections: [] });

    // This device, signed in, showing the order.
    const { context, page } = await signInShopApp(browser!, shopUrl, email, password);
    const tabs = page.getByRole('navigation', { name: 'Shop' });
    const order = page.locator(`[data-order-id="${orderId}"]`);

    // A review of theirs that the shop then hides: shown on this device to its author alone, with their name.
    await page.goto(`${shopUrl}/products/demo-product-2`);
    await page.getByLabel('3 stars').check();
    await page.getByLabel('Your review').fill('Smaller than in the picture.');
    await page.getByRole('button', { name: 'Post review' }).click();
    await expect.poll(() => page.getByTestId('rating-summary').textContent(), { timeout: 20_000 }).toContain('1 review');
    expect(await hideReviewAsAdmin(syncUrl, { email: adminEmail, password: adminPassword }, 'Smaller than in the picture.')).toEqual({ conflicts: [], rejections: [] });
    await page.locator('.review__hidden').waitFor({ timeout: 20_000 });
    await tabs.getByRole('link', { name: 'My orders' }).click();
    await order.waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-connection]').getAttribute('data-connection'), { timeout: 15_000 }).toBe('live');

    // The other device signs this one out: it deletes this device's session document.
    const stored = JSON.parse((await page.evaluate("localStorage.getItem('oa-shop-session')")) as string) as { refreshToken: string };
    const sessionId = stored.refreshToken.split('.')[0]!;
    const sessions = (await (await fetch(`${syncUrl}/sync/sessions/pull?limit=1000`, { headers: { authorization: `Bearer ${other.accessToken}` } })).json()) as {
      documents: Array<Record<string, unknown> & { id: string }>;
    };
    const session = sessions.documents.find((doc) => doc.id === sessionId)!;
    expect(session).toBeDefined();
    const requests: Array<{ at: number; url: string }> = [];
    // Replication and sessions only (/sync, /auth): the delivery rule is read once per page load, never retried.
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith(`${syncUrl}/sync/`) || url.startsWith(`${syncUrl}/auth/`)) requests.push({ at: Date.now(), url });
    });
    const ended = await post('/sync/sessions/push', [{ assumedMasterState: session, newDocumentState: { ...session, _deleted: true } }], other.accessToken);
    expect(await ended.json()).toEqual({ conflicts: [], rejections: [] });

    // At once: signed out, said plainly, the orders and the wishlist gone from the screen.
    await page.getByText('You were signed out on this device.').waitFor({ timeout: 15_000 });
    const knownAt = Date.now();
    await expect.poll(() => order.count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(await tabs.getByRole('link', { name: 'My orders' }).count()).toBe(0);
    expect(await tabs.getByRole('link', { name: /^Wishlist/ }).count()).toBe(0);
    expect(await page.locator('[data-connection]').getAttribute('data-connection')).toBe('signed-out');
    // Back to the product, in the same page: their hidden review is gone from it too.
    await page.goBack();
    await page.getByText('No reviews yet.').waitFor({ timeout: 15_000 });
    expect(await page.getByText('Smaller than in the picture.').count()).toBe(0);
    await page.goto(`${shopUrl}/orders/${orderId}`);
    await page.getByText('You were signed out on this device.').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('order-page-status').count()).toBe(0);
    await tabs.getByRole('link', { name: 'Shop' }).click();

    // No retry storm: before, 77 requests in these 20 s (pulls every 2 s per collection, the stream
    // reconnecting); now nothing after the first refusals.
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    const afterKnown = requests.filter((request) => request.at > knownAt + 1000);
    expect(afterKnown.map((request) => request.url)).toEqual([]);
    // All told: one pull per collection when the server closed the stream, and the one refused refresh.
    expect(requests.length).toBeLessThanOrEqual(12);

    // Signing in again brings the orders back.
    await page.getByRole('link', { name: 'Sign in again' }).click();
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in as').waitFor({ timeout: 15_000 });
    await tabs.getByRole('link', { name: 'My orders' }).click();
    await order.waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-connection]').getAttribute('data-connection'), { timeout: 15_000 }).toBe('live');
    await context.close();
  }, 180_000);
});
