/**
 * "Sign in or create an account" from a screen that needs an account: a real link to the account
 * page that remembers, in its address, the screen to come back to (sign-in-return.logic.ts). The
 * shell sends the shopper back there once signed in.
 */
import type { ReactNode, MouseEvent } from 'react';
import { navigate } from '../../shell/router';
import { toSignInHref, type SignInReturn } from './sign-in-return.logic';

export function SignInLink({ next, children }: { next: SignInReturn; children: ReactNode }) {
  const href = toSignInHref(next);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // New-tab and download clicks stay the browser's.
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    // The router writes paths only: push the address with its query, then let it show the page there.
    history.pushState(null, '', href);
    navigate({ name: 'account' }, { replace: true });
  };
  return <a href={href} onClick={onClick}>{children}</a>;
}
