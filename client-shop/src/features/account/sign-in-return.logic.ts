/**
 * Where a sign-in started from a screen that needs one ("Sign in to check out") returns to: the
 * screen's name rides in the account page's address (/account?next=checkout), so it survives a
 * reload, and only these in-app screens are ever read back: never a URL, so no open redirect.
 * No React, no history API.
 */

/** The screens that ask a visitor to sign in first, and so may be returned to. */
export const signInReturns = ['checkout', 'cart', 'wishlist', 'orders'] as const;
export type SignInReturn = (typeof signInReturns)[number];

const returnParam = 'next';

/** The account page's address for a sign-in that returns to `next` afterwards. */
export function toSignInHref(next: SignInReturn): string {
  return `/account?${new URLSearchParams({ [returnParam]: next }).toString()}`;
}

/** The screen to return to, from the account page's query string; undefined for anything not in the list. */
export function parseSignInReturn(search: string): SignInReturn | undefined {
  const next = new URLSearchParams(search).get(returnParam);
  return (signInReturns as readonly (string | null)[]).includes(next) ? (next as SignInReturn) : undefined;
}
