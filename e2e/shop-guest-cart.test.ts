/**
 * A visitor's cart joining an account that already holds the same product, in real Chromium on a
 * phone-sized screen against the real servers: the cart shows one line with the quantities added,
 * and the server ends with one live line for that product (not two).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium, startShopStack, type Started } from './harness';
import { phone, postJson, signInOnShopPage } from './sign-in';

const laddu = 'Annavaram Prasadam (Godhuma Ravva Laddu)';

describe.skipIf(!existsSync(chromiumPath))("a visitor's cart joining an account (Chromium, real servers)", () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-e2e-guest-cart-'));
  let start: Started | undefined;
  let browser: Browser | undefined;
  let shopUrl = '';
  let syncUrl = '';

  beforeAll(async () => {
    ({ start, shopUrl, syncUrl } = await startShopStack(folder));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await start?.stop();
    rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  it('gives one line per product when a visitor signs in to an account whose cart already holds it', async () => {
    // The account's cart, from another device: two laddus.
    const email = `guest-join-${Date.now()}@example.in`;
    const shopper = (await (await postJson(syncUrl, '/auth/register', { email, password: 'a-good-password', name: 'Rani' })).json()) as { accessToken: string; user: { id: string } };
    const cartId = `cart-${shopper.user.id}`.slice(0, 64);
    expect(await (await postJson(syncUrl, '/sync/carts/push', [{ newDocumentState: { id: cartId, _deleted: false } }], shopper.accessToken)).json()).toEqual({ conflicts: [], rejections: [] });
    const line = { id: crypto.randomUUID(), _deleted: false, cartId, productId: 'demo-product-1', quantity: 2 };
    expect(await (await postJson(syncUrl, '/sync/cart_items/push', [{ newDocumentState: line }], shopper.accessToken)).json()).toEqual({ conflicts: [], rejections: [] });

    // A visitor on a fresh phone puts one laddu in the cart, then signs in.
    const context = await browser!.newContext(phone);
    const page = await context.newPage();
    await page.goto(shopUrl);
    await page.getByRole('button', { name: `Add ${laddu} to cart` }).click({ timeout: 30_000 });
    // The line is in IndexedDB once the tab shows it: signing in loads a new page, which would
    // otherwise abort a write still on its way (the visitor's laddu lost, two in the cart, not three).
    await page.getByRole('navigation', { name: 'Shop' }).getByRole('link', { name: 'Cart (1)' }).waitFor({ timeout: 10_000 });
    await signInOnShopPage(page, shopUrl, email, 'a-good-password');

    await page.getByRole('navigation', { name: 'Shop' }).getByRole('link', { name: /Cart/ }).click();
    const quantities = page.getByLabel(`Quantity of ${laddu}`);
    await expect.poll(() => quantities.allTextContents(), { timeout: 30_000 }).toEqual(['3']);
    // The server agrees once the merge is pushed: one live line of the product, holding three.
    await expect
      .poll(
        async () => {
          const answer = (await (await fetch(`${syncUrl}/sync/cart_items/pull?limit=100`, { headers: { authorization: `Bearer ${shopper.accessToken}` } })).json()) as {
            documents: Array<{ productId?: string; quantity?: number; _deleted: boolean }>;
          };
          return answer.documents.filter((doc) => !doc._deleted && doc.productId === 'demo-product-1').map((doc) => doc.quantity);
        },
        { timeout: 30_000 },
      )
      .toEqual([3]);
    await context.close();
  }, 150_000);
});
