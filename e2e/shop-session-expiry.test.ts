/**
 * Offline writes survive the session, in real Chromium against the real servers with 30-second
 * access tokens: an order placed while the sync server is down, whose token expires meanwhile,
 * goes up once the server is back (the app refreshes first); and when the session is ended on
 * the server, a change made afterwards waits on the device until the shopper signs in again.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium, startSplitStack, type SplitStack } from './harness';

const laddu = 'Annavaram Prasadam (Godhuma Ravva Laddu)';
const wicks = 'Pure Cow Ghee Deepam Wicks';
const password = 'a-good-password';

describe.skipIf(!existsSync(chromiumPath))('offline writes and an expiring session (Chromium, real servers)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-e2e-expiry-'));
  let stack: SplitStack | undefined;
  let browser: Browser | undefined;
  let shopUrl = '';
  let syncUrl = '';

  /**
   * The test's own view of the shopper's data on the server, as a second device: its tokens live
   * 30 s like the page's, so it signs in again before one can expire mid-poll.
   */
  function createServerView(email: string) {
    let token = '';
    let signedInAt = 0;
    return async function pull(collection: string): Promise<Array<Record<string, unknown>>> {
      if (Date.now() - signedInAt > 15_000) {
        const login = await fetch(`${syncUrl}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
        if (!login.ok) throw new Error(`sign-in answered ${login.status}: ${await login.text()}`);
        ({ accessToken: token } = (await login.json()) as { accessToken: string });
        signedInAt = Date.now();
      }
      const response = await fetch(`${syncUrl}/sync/${collection}/pull?limit=1000`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`pull of ${collection} answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { documents: Array<Record<string, unknown>> }).documents.filter((doc) => doc._deleted !== true);
    };
  }

  beforeAll(async () => {
    stack = await startSplitStack(folder, { ACCESS_TOKEN_TTL_SECONDS: '30' }, 'shop');
    ({ shopUrl, syncUrl } = stack);
    browser = await launchChromium();
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  it('pushes an order whose token expired offline, and keeps a change made after the session ended until a new sign-in', async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const tabs = page.getByRole('navigation', { name: 'Shop' });
    await page.goto(shopUrl);
    await page.getByText(laddu).waitFor({ timeout: 20_000 });
    const email = `kamala-${Date.now()}@example.in`;
    await tabs.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'New here? Create an account' }).click();
    await page.getByLabel('Name').fill('Kamala');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Signed in as').waitFor({ timeout: 15_000 });
    await tabs.getByRole('link', { name: 'Shop' }).click();
    await page.getByRole('button', { name: `Add ${laddu} to cart` }).click();
    await expect.poll(() => page.locator('[data-connection]').getAttribute('data-connection'), { timeout: 15_000 }).toBe('live');

    // Offline for longer than an access token lives; the order is placed meanwhile.
    await stack!.stopSync();
    await tabs.getByRole('link', { name: 'Cart (1)' }).click();
    await page.getByRole('button', { name: 'Checkout' }).click();
    for (const [label, value] of [['Full name', 'Kamala'], ['Phone', '9848022338'], ['House and street', '7 Ghat Road'], ['City', 'Annavaram'], ['State', 'Andhra Pradesh'], ['PIN code', '533406']] as const) {
      await page.getByLabel(label).fill(value);
    }
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByText('Waiting to sync').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 35_000));

    await stack!.startSync();
    await expect.poll(() => page.locator('.order__number').textContent(), { timeout: 30_000 }).toMatch(/^OA-/);
    const pull = createServerView(email);
    expect(await pull('orders')).toHaveLength(1);
    // The order emptied the cart, offline. Its line may have gone up just before the server
    // stopped, with no pull since to bring the server's stamps: the deletion, pushed on top of the
    // line as the device sent it, is what stays on the server (not the line coming back as a
    // conflict). The cart replicates apart from the orders, after RxDB's 5 s retry.
    await expect.poll(async () => (await pull('cart_items')).length, { timeout: 30_000 }).toBe(0);

    // The session ends on the server (as if signed out from another device)…
    const stored = (await page.evaluate("localStorage.getItem('oa-shop-session')")) as string;
    const logout = await fetch(`${syncUrl}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${JSON.parse(stored).accessToken}` } });
    expect(logout.status).toBe(204);
    await page.getByText('You were signed out on this device.').waitFor({ timeout: 30_000 });
    // …a change made now waits on the device…
    await tabs.getByRole('link', { name: 'Shop' }).click();
    await page.getByRole('button', { name: `Add ${wicks} to cart` }).click();
    await tabs.getByRole('link', { name: 'Cart (1)' }).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await pull('cart_items')).toHaveLength(0);
    // …and goes up once the shopper signs in again.
    await page.getByRole('link', { name: 'Sign in again' }).click();
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in as').waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await pull('cart_items')).map((line) => line.productId), { timeout: 30_000 }).toEqual(['demo-product-5']);
    await context.close();
  }, 180_000);
});
