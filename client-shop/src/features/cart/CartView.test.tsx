// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '../../testing/render';
import type { CartLine } from './cart.logic';
import { CartView, type CartViewProps } from './CartView';

const line = (id: string, quantity: number, fields: Partial<CartLine> = {}): CartLine => ({ id, productId: `p-${id}`, name: `Item ${id}`, price: 50, quantity, lineTotal: 50 * quantity, ...fields });

function renderCart(overrides: Partial<CartViewProps> = {}) {
  const props: CartViewProps = { lines: [line('a', 2), line('b', 99)], signedIn: true, deliveryRule: { fee: 40, freeFrom: 499 }, onQuantity: vi.fn(), onRemove: vi.fn(), onMoveToWishlist: vi.fn(), onCheckout: vi.fn(), ...overrides };
  render(<CartView {...props} />);
  return props;
}

describe('the cart', () => {
  it('totals the lines in rupees and changes quantities within 1 to 99', () => {
    const props = renderCart();
    expect(screen.getByTestId('cart-total').textContent).toBe('₹5,050');
    fireEvent.click(screen.getByRole('button', { name: 'One more Item a' }));
    fireEvent.click(screen.getByRole('button', { name: 'One less Item a' }));
    expect(props.onQuantity).toHaveBeenNthCalledWith(1, 'a', 3);
    expect(props.onQuantity).toHaveBeenNthCalledWith(2, 'a', 1);
    expect((screen.getByRole('button', { name: 'One more Item b' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says delivery is free at or above the threshold', () => {
    renderCart();
    expect(screen.getByTestId('cart-delivery').textContent).toBe('Free delivery');
    expect(screen.queryByTestId('free-delivery')).toBeNull();
  });

  it('shows the delivery fee below the threshold, and how much more makes it free', () => {
    renderCart({ lines: [line('a', 2)] });
    expect(screen.getByTestId('cart-total').textContent).toBe('₹100');
    expect(screen.getByTestId('cart-delivery').textContent).toBe('+ ₹40 delivery');
    expect(screen.getByTestId('free-delivery').textContent).toBe('₹399 more for free delivery');
  });

  it('follows the rule the server sent', () => {
    renderCart({ lines: [line('a', 2)], deliveryRule: { fee: 25, freeFrom: 100 } });
    expect(screen.getByTestId('cart-delivery').textContent).toBe('Free delivery');
  });

  it('removes a line, saves one for later, and goes to checkout', () => {
    const props = renderCart();
    fireEvent.click(screen.getAllByRole('button', { name: 'Remove' })[0]!);
    fireEvent.click(screen.getAllByRole('button', { name: 'Save for later' })[1]!);
    fireEvent.click(screen.getByRole('button', { name: 'Checkout' }));
    expect(props.onRemove).toHaveBeenCalledWith('a');
    expect(props.onMoveToWishlist).toHaveBeenCalledWith(expect.objectContaining({ id: 'b' }));
    expect(props.onCheckout).toHaveBeenCalled();
  });

  it('asks a visitor to sign in to check out, keeping the cart', () => {
    renderCart({ signedIn: false, onMoveToWishlist: undefined });
    expect(screen.queryByRole('button', { name: 'Checkout' })).toBeNull();
    expect(screen.getByText(/your cart comes with you/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save for later' })).toBeNull();
  });

  it('says when the cart is empty', () => {
    renderCart({ lines: [] });
    expect(screen.getByText(/Your cart is empty/)).toBeTruthy();
  });

  it("sends a visitor to sign in with the way back to checkout in the link's address", () => {
    renderCart({ signedIn: false });
    expect(screen.getByRole('link', { name: 'Sign in or create an account' }).getAttribute('href')).toBe('/account?next=checkout');
  });
});
