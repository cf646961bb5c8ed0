/**
 * A product photo taken on the admin's phone with no network, in real Chromium against the real
 * servers: the editor resizes it and shows it at once; saved offline, the product waits with its
 * photo; back online, the photo is uploaded before the product (the server never holds a product
 * whose photo it lacks), the shop shows the photo, and the shop's service worker keeps it offline.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngOf } from '../sync-server/test/images';
import { chromiumPath, launchChromium, startSplitStack, type SplitStack } from './harness';
import { phone, postJson, signInAdminApp } from './sign-in';

const adminEmail = 'admin@annavaram.local';
const adminPassword = 'e2e-admin-password-123';

/** An <img>'s natural width once it has loaded (0 while loading or broken); runs in the page. */
const widthOnceLoaded = (element: unknown): number => {
  const image = element as { complete: boolean; naturalWidth: number };
  return image.complete ? image.naturalWidth : 0;
};

describe.skipIf(!existsSync(chromiumPath))('a product photo taken offline (Chromium, real servers)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-e2e-photo-'));
  let stack: SplitStack | undefined;
  let browser: Browser | undefined;
  let adminToken = '';

  async function storedProduct(id: string): Promise<{ name: string; images: string[]; imageUrl?: string }> {
    const answer = (await (await fetch(`${stack!.syncUrl}/sync/products/pull?limit=1000`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as {
      documents: Array<{ id: string; name: string; images: string[]; imageUrl?: string }>;
    };
    return answer.documents.find((product) => product.id === id)!;
  }

  beforeAll(async () => {
    stack = await startSplitStack(folder, { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword });
    browser = await launchChromium();
    adminToken = ((await (await postJson(stack.syncUrl, '/auth/admin/login', { email: adminEmail, password: adminPassword })).json()) as { accessToken: string }).accessToken;
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(folder, { recursive: true, force: true });
  }, 30_000);

  it('uploads a photo taken offline when the phone is back online; the shop shows it, and keeps it offline', async () => {
    const productId = 'demo-product-4';
    const before = await storedProduct(productId);
    const admin = await signInAdminApp(browser!, stack!.adminUrl, adminEmail, adminPassword);
    await admin.page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: /^Products/ }).click();
    const edit = admin.page.getByRole('button', { name: `Edit ${before.name}`, exact: true });
    await edit.waitFor({ timeout: 30_000 });

    await admin.context.setOffline(true);
    await edit.click();
    await admin.page.getByRole('heading', { name: `Edit ${before.name}` }).waitFor({ timeout: 20_000 });
    await admin.page.getByLabel('Add photo').setInputFiles({ name: 'IMG_20261202.png', mimeType: 'image/png', buffer: pngOf(2000, 1500, (x, y) => [(x * 255) / 2000, (y * 255) / 1500, 128]) });
    const added = admin.page.getByRole('img', { name: `Photo ${before.images.length + 1}` });
    const problem = admin.page.locator('.products-photos [role="alert"]');
    await Promise.race([added.waitFor({ timeout: 20_000 }), problem.waitFor({ timeout: 20_000 }).then(async () => expect.fail(`the photo was refused: ${await problem.textContent()}`))]);
    await expect.poll(() => added.evaluate(widthOnceLoaded), { timeout: 20_000 }).toBe(2000);
    const imageLines = await admin.page.getByLabel(/^Image URLs/).inputValue();
    const photoUrl = imageLines.split('\n').at(-1)!;
    expect(photoUrl).toMatch(new RegExp(`^${stack!.syncUrl}/photos/[0-9a-f]{64}\\.webp$`));
    await admin.page.getByRole('button', { name: 'Save changes' }).click();
    await admin.page.getByRole('heading', { name: 'Products' }).waitFor({ timeout: 10_000 });

    // Offline: neither the photo nor the product's new picture list has reached the server.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await fetch(photoUrl)).status).toBe(404);
    expect((await storedProduct(productId)).images).toEqual(before.images);

    await admin.context.setOffline(false);
    await expect.poll(async () => (await storedProduct(productId)).images, { timeout: 30_000 }).toEqual([...before.images, photoUrl]);
    const photo = await fetch(photoUrl);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/webp');
    expect(photo.headers.get('cache-control')).toContain('immutable');
    const bytes = Buffer.from(await photo.arrayBuffer());
    // RIFF....WEBP, resized on the phone from 2,000 × 1,500 to 1,600 × 1,200.
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(bytes.subarray(8, 12).toString('ascii')).toBe('WEBP');
    // Nothing waits on the phone any more.
    expect(await admin.page.evaluate('caches.open("photo-uploads").then((cache) => cache.keys()).then((keys) => keys.length)')).toBe(0);

    // The shop: a guest opens the product, sees the photo, and has it after a reload with no network.
    const shopContext = await browser!.newContext(phone);
    const shop = await shopContext.newPage();
    await shop.goto(`${stack!.shopUrl}/products/${productId}`);
    await shop.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: 20_000 });
    // The photo as the product page shows it (a second photo: the page shows the main one and the rest).
    await shop.reload();
    const shown = shop.locator(`img[src="${photoUrl}"]`).first();
    await expect.poll(() => shown.evaluate(widthOnceLoaded), { timeout: 30_000 }).toBe(1600);
    // Kept readable (CORS), not opaque: an opaque entry would count megabytes against the phone's quota.
    await expect.poll(() => shop.evaluate(`caches.open('product-images').then((cache) => cache.match('${photoUrl}', { ignoreVary: true })).then((hit) => hit && hit.type)`), { timeout: 10_000 }).toBe('cors');
    await shopContext.setOffline(true);
    await shop.reload();
    await expect.poll(() => shop.locator(`img[src="${photoUrl}"]`).first().evaluate(widthOnceLoaded), { timeout: 30_000 }).toBe(1600);
    await Promise.all([shopContext.close(), admin.context.close()]);
  }, 240_000);
});
