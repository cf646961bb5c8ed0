// @vitest-environment happy-dom
/** The header's navigation as screen readers and the end-to-end tests meet it: one named landmark, counted names, the current page marked. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '../testing/render';
import { ShopHeader } from './ShopHeader';
import { toShopNavItems } from './shop-nav.logic';

const items = toShopNavItems({ route: { name: 'order', id: 'o1' }, signedIn: true, personal: true, cartCount: 3, wishlistCount: 0 });

describe('the shop’s header', () => {
  beforeEach(() => history.replaceState(null, '', '/orders/o1'));

  it('names each destination in a "Shop" navigation landmark, counts included', () => {
    render(<ShopHeader items={items} status={<p role="status">Online</p>} />);
    const nav = screen.getByRole('navigation', { name: 'Shop' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Shop', 'Cart (3)', 'Wishlist (0)', 'My orders', 'Account']);
    expect(within(nav).getByRole('link', { name: 'Cart (3)' }).getAttribute('href')).toBe('/cart');
  });

  it('marks only the current destination as the current page', () => {
    render(<ShopHeader items={items} status={null} />);
    const current = within(screen.getByRole('navigation', { name: 'Shop' })).getAllByRole('link').filter((link) => link.getAttribute('aria-current') === 'page');
    expect(current.map((link) => link.textContent)).toEqual(['My orders']);
  });

  it('keeps the sync status in the header, beside the shop’s name', () => {
    render(<ShopHeader items={items} status={<p role="status">Offline · 2 changes waiting</p>} />);
    const header = screen.getByRole('banner');
    expect(within(header).getByRole('status').textContent).toBe('Offline · 2 changes waiting');
    expect(within(header).getByRole('heading', { name: 'Online Annavaram' })).toBeTruthy();
  });

  it('goes to a destination without reloading the page', () => {
    render(<ShopHeader items={items} status={null} />);
    fireEvent.click(screen.getByRole('link', { name: 'Cart (3)' }));
    expect(location.pathname).toBe('/cart');
  });
});
