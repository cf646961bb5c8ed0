import { describe, expect, it } from 'vitest';
import { parseSignInReturn, signInReturns, toSignInHref } from './sign-in-return.logic';

describe('returning after a sign-in', () => {
  it.each(signInReturns)('comes back to %s after a sign-in started there', (next) => {
    const href = toSignInHref(next);
    expect(href).toBe(`/account?next=${next}`);
    expect(parseSignInReturn(href.slice(href.indexOf('?')))).toBe(next);
  });

  it.each([
    ['no query', ''],
    ['another parameter', '?from=checkout'],
    ['an empty return', '?next='],
    ['an unknown screen', '?next=admin'],
    ['an outside address', '?next=https://evil.example/'],
    ['a protocol-relative address', '?next=//evil.example'],
    ['a path, not a screen', '?next=/checkout'],
    ['a differently cased screen', '?next=Checkout'],
    ['a screen with more after it', '?next=checkout/../account'],
  ])('stays on the account page for %s', (_label, search) => {
    expect(parseSignInReturn(search)).toBeUndefined();
  });

  it('reads the first return when several are given', () => {
    expect(parseSignInReturn('?next=checkout&next=https://evil.example/')).toBe('checkout');
  });
});
