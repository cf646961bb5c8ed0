/**
 * What the admin and order-lifecycle flows share to set a scene: a JSON POST to the sync server
 * (an order placed or an admin signed in through the API), the admin app signed in on a phone-sized
 * screen, a shopper signed in to the shop in their own browser context, and a review the shop hides.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const phone = { viewport: { width: 360, height: 740 } };

export function postJson(syncUrl: string, path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${syncUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** The admin app signed in, on its dashboard, in a new phone-sized context. */
export async function signInAdminApp(browser: Browser, adminUrl: string, email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(adminUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor({ timeout: 20_000 });
  return { context, page };
}

/** A new phone-sized context signed in to the shop as this shopper, left on the account page. */
export async function signInShopApp(browser: Browser, shopUrl: string, email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await signInOnShopPage(page, shopUrl, email, password);
  return { context, page };
}

/** Signs this shopper in on a page that already has the shop open (a visitor's cart, say), left on the account page. */
export async function signInOnShopPage(page: Page, shopUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${shopUrl}/account`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByText('Signed in as').waitFor({ timeout: 15_000 });
}

/**
 * The shop hides a shopper's review, as another admin device would: the admin signs in through the
 * API, finds the review by its text and pushes it with `isApproved: false`. Returns the push's answer.
 */
export async function hideReviewAsAdmin(syncUrl: string, admin: { email: string; password: string }, text: string): Promise<unknown> {
  const { accessToken } = (await (await postJson(syncUrl, '/auth/admin/login', admin)).json()) as { accessToken: string };
  const pulled = (await (await fetch(`${syncUrl}/sync/reviews/pull?limit=1000`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { documents: Array<Record<string, unknown>> };
  const review = pulled.documents.find((doc) => doc.comment === text);
  if (!review) throw new Error(`no review "${text}" on the server`);
  return (await postJson(syncUrl, '/sync/reviews/push', [{ assumedMasterState: review, newDocumentState: { ...review, isApproved: false } }], accessToken)).json();
}
