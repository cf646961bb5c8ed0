// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '../../testing/render';
import { SignInLink } from './SignInLink';

describe('the sign-in link of a screen that needs an account', () => {
  beforeEach(() => history.replaceState(null, '', '/checkout'));

  it('opens the account page remembering the screen to return to, as a new history entry', () => {
    const before = history.length;
    render(<SignInLink next="checkout">Sign in or create an account</SignInLink>);
    const link = screen.getByRole('link', { name: 'Sign in or create an account' });
    expect(link.getAttribute('href')).toBe('/account?next=checkout');
    fireEvent.click(link);
    expect(location.pathname + location.search).toBe('/account?next=checkout');
    expect(history.length).toBe(before + 1);
  });
});
