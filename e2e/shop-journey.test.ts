/**
 * A shopper's journey through the shop in real Chromium against the real servers, on a phone-
 * sized screen: search and sort the catalogue, open a product, register, review it (shown once
 * the server has it, with the average), save it to the wishlist and move it to the cart, edit the
 * profile, and sign another device out of the account from "Devices signed in". A tap on "Add to
 * cart" as the shop opens is kept. And a review the
 * shop hides afterwards: its author's device says so, and offers no form the server would refuse.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium, startShopStack, type Started } from './harness';
import { hideReviewAsAdmin, phone } from './sign-in';

const laddu = 'Annavaram Prasadam (Godhuma Ravva Laddu)';
const adminEmail = 'admin@annavaram.local';
const adminPassword = 'e2e-admin-password-123';

describe.skipIf(!existsSync(chromiumPath))('a shopper’s journey (Chromium, real servers)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-e2e-journey-'));
  let start: Started | undefined;
  let browser: Browser | undefined;
  let shopUrl = '';
  let syncUrl = '';

  beforeAll(async () => {
    ({ start, shopUrl, syncUrl } = await startShopStack(folder, { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword }));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await start?.stop();
    rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  const names = (page: Page) => page.locator('.product__name').allTextContents();

  async function register(page: Page, name: string, email: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Shop' }).getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'New here? Create an account' }).click();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a-good-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Signed in as').waitFor({ timeout: 15_000 });
  }

  it('finds, reviews, saves and buys a product, edits the profile and signs out another device', async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const tabs = page.getByRole('navigation', { name: 'Shop' });
    await page.goto(shopUrl);
    await page.getByText(laddu).waitFor({ timeout: 20_000 });

    // Search, filter and sort, all on the device.
    await page.getByPlaceholder('Search products').fill('photo frame');
    await expect.poll(() => names(page)).toEqual(['Swamy Photo Frame, Large', 'Swamy Photo Frame, Small']);
    await page.getByLabel('Sort').selectOption('price-asc');
    await expect.poll(() => names(page)).toEqual(['Swamy Photo Frame, Small', 'Swamy Photo Frame, Large']);
    await page.getByPlaceholder('Search products').fill('');
    await page.getByRole('button', { name: 'Books' }).click();
    await expect.poll(async () => (await names(page)).length).toBe(2);
    await page.getByRole('button', { name: 'All' }).click();

    // Back from a product returns to the same list (its sort is in the address) at the same place.
    const lastCard = page.locator('.product__name a').last();
    await lastCard.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate<number>('window.scrollY');
    expect(scrolled).toBeGreaterThan(0);
    await lastCard.click();
    await page.locator('.product-page').waitFor();
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('?sort=price-asc');
    await expect.poll(() => page.evaluate<number>('window.scrollY')).toBe(scrolled);
    expect(await page.getByLabel('Sort').inputValue()).toBe('price-asc');

    // A visitor's product page: price, stock, no reviews yet, an invitation to sign in.
    await page.getByRole('link', { name: laddu }).click();
    await page.locator('.product-page').getByRole('heading', { name: laddu }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/products/demo-product-1');
    expect(await page.locator('.product-page__price').textContent()).toBe('₹60');
    await page.getByText('No reviews yet.').waitFor();
    await page.getByText('to write a review').waitFor();

    // Register, come back to the product (the browser's back button) and review it.
    const email = `ravi-${Date.now()}@example.in`;
    await register(page, 'Ravi Teja', email);
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/products/demo-product-1');
    await page.getByRole('button', { name: 'Post review' }).click();
    await page.getByText('Choose from 1 to 5 stars').waitFor();
    await page.getByLabel('5 stars').check();
    await page.getByLabel('Your review').fill('Fresh and just like at the temple.');
    await page.getByRole('button', { name: 'Post review' }).click();
    // The server takes it and sends it back to every shop: then it counts in the average.
    await expect.poll(() => page.getByTestId('rating-summary').textContent(), { timeout: 20_000 }).toContain('5.0 out of 5 · 1 review');
    await page.getByText('Fresh and just like at the temple.').waitFor();
    await page.getByText('You have reviewed this product.').waitFor();
    expect(await page.locator('.review__waiting').count()).toBe(0);

    // Save for later, then move it to the cart.
    await page.getByRole('button', { name: '♡ Save for later' }).click();
    await tabs.getByRole('link', { name: 'Wishlist (1)' }).click();
    await page.getByRole('button', { name: `Move ${laddu} to cart` }).click();
    await tabs.getByRole('link', { name: 'Wishlist (0)' }).waitFor();
    await tabs.getByRole('link', { name: 'Cart (1)' }).click();
    expect(await page.getByTestId('cart-total').textContent()).toBe('₹60');

    // Edit the profile: a phone number, and an address for checkout.
    await tabs.getByRole('link', { name: 'Account' }).click();
    await page.getByLabel('Phone').fill('98480 22338');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('button', { name: 'Add an address' }).click();
    await page.getByLabel('Label (optional)').fill('Home');
    await page.getByLabel('Full name').fill('Ravi Teja');
    await page.getByLabel('Phone', { exact: true }).nth(1).fill('9848022338');
    await page.getByLabel('House and street').fill('4 Hill Road');
    await page.getByLabel('City').fill('Annavaram');
    await page.getByLabel('State').fill('Andhra Pradesh');
    await page.getByLabel('PIN code').fill('533406');
    await page.getByRole('button', { name: 'Save address' }).click();
    await page.getByText('Home:').waitFor();
    // The profile reached the server.
    const login = await fetch(`${syncUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'a-good-password' }),
    }).then((response) => response.json() as Promise<{ accessToken: string; user: { id: string } }>);
    const profile = async () => {
      const answer = await fetch(`${syncUrl}/sync/users/pull?limit=10`, { headers: { authorization: `Bearer ${login.accessToken}` } });
      return ((await answer.json()) as { documents: Array<Record<string, unknown>> }).documents[0];
    };
    await expect.poll(async () => (await profile())?.phone, { timeout: 15_000 }).toBe('9848022338');
    expect((await profile())?.addresses).toEqual([expect.objectContaining({ label: 'Home', line1: '4 Hill Road', isDefault: true })]);

    // Checkout starts from the saved address.
    await tabs.getByRole('link', { name: 'Cart (1)' }).click();
    await page.getByRole('button', { name: 'Checkout' }).click();
    expect(await page.getByRole('radio', { name: /Home: Ravi Teja, 4 Hill Road/ }).isChecked()).toBe(true);

    // The sign-in made by fetch above is another device: sign it out from here.
    await tabs.getByRole('link', { name: 'Account' }).click();
    const devices = page.getByTestId('devices').locator('li');
    await expect.poll(() => devices.count(), { timeout: 15_000 }).toBe(2);
    await devices.filter({ hasNotText: 'this device' }).getByRole('button').click();
    await expect.poll(() => devices.count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(async () => (await fetch(`${syncUrl}/sync/users/pull`, { headers: { authorization: `Bearer ${login.accessToken}` } })).status, { timeout: 15_000 })
      .toBe(401);
    await context.close();
  }, 180_000);

  it('tells the author, on their device, that the shop hid their review, and offers no form the server would refuse', async () => {
    const context = await browser!.newContext(phone);
    const page = await context.newPage();
    await page.goto(shopUrl);
    await register(page, 'Kiran Kumar', `kiran-${Date.now()}@example.in`);
    await page.goto(`${shopUrl}/products/demo-product-2`);
    await page.getByLabel('4 stars').check();
    await page.getByLabel('Your review').fill('Arrived a little broken.');
    await page.getByRole('button', { name: 'Post review' }).click();
    await expect.poll(() => page.getByTestId('rating-summary').textContent(), { timeout: 20_000 }).toContain('1 review');

    // The shop hides it, from another device (the server's push, as the admin app sends it).
    expect(await hideReviewAsAdmin(syncUrl, { email: adminEmail, password: adminPassword }, 'Arrived a little broken.')).toEqual({ conflicts: [], rejections: [] });

    // Live, and again after a reload: marked hidden to its author (not "Sending…"), out of the rating, no form.
    for (const step of ['live', 'reloaded']) {
      if (step === 'reloaded') await page.reload();
      await page.getByTestId('review-hidden').waitFor({ timeout: 20_000 });
      await page.getByText('No reviews yet.').waitFor();
      expect(await page.locator('.review__hidden').count()).toBe(1);
      expect(await page.locator('.review__waiting').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Post review' }).count()).toBe(0);
    }
    await context.close();
  }, 60_000);

  it('keeps a signed-in shopper’s "Add to cart" tapped the moment the shop opens, before their own database has', async () => {
    const context = await browser!.newContext(phone);
    const page = await context.newPage();
    await page.goto(shopUrl);
    await register(page, 'Meena Rao', `meena-${Date.now()}@example.in`);
    // A fresh page load: the first screen shows the catalogue's copy at once, the databases open after.
    await page.goto(shopUrl);
    await page.locator('[data-product-id="demo-product-3"] .product__add').click({ timeout: 20_000 });
    const tabs = page.getByRole('navigation', { name: 'Shop' });
    await tabs.getByRole('link', { name: 'Cart (1)' }).waitFor({ timeout: 15_000 });
    await page.reload();
    await tabs.getByRole('link', { name: 'Cart (1)' }).waitFor({ timeout: 15_000 });
    await context.close();
  }, 60_000);
});
