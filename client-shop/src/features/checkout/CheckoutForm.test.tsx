// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '../../testing/render';
import type { CartLine } from '../cart/cart.logic';
import type { SavedAddress } from '../profile/profile.logic';
import { CheckoutForm } from './CheckoutForm';

const lines: CartLine[] = [{ id: 'l1', productId: 'p1', name: 'Laddu', price: 60, quantity: 2, lineTotal: 120 }];
const rule = { fee: 40, freeFrom: 499 };
const home: SavedAddress = { id: 'a1', label: 'Home', isDefault: true, name: 'Sita', phone: '9848022338', line1: '1 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };

describe('checkout', () => {
  it('shows the totals with delivery below the threshold, and how much more makes it free', () => {
    render(<CheckoutForm lines={lines} savedAddresses={[]} deliveryRule={rule} onPlace={vi.fn()} />);
    expect(screen.getByText(/Items ₹120 · Delivery ₹40 · Total/).textContent).toContain('₹160');
    expect(screen.getByTestId('free-delivery').textContent).toBe('₹379 more for free delivery');
  });

  it('shows delivery free by the rule the server sent', () => {
    render(<CheckoutForm lines={lines} savedAddresses={[]} deliveryRule={{ fee: 25, freeFrom: 100 }} onPlace={vi.fn()} />);
    expect(screen.getByText(/Items ₹120 · Delivery free · Total/).textContent).toContain('₹120');
    expect(screen.queryByTestId('free-delivery')).toBeNull();
  });

  it('starts from the default saved address and places the order with it', async () => {
    const onPlace = vi.fn(async () => undefined);
    render(<CheckoutForm lines={lines} savedAddresses={[home]} deliveryRule={rule} onPlace={onPlace} />);
    expect((screen.getByRole('radio', { name: /Home: Sita, 1 Temple Road/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByLabelText('Full name')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    const { id: _id, label: _label, isDefault: _default, ...address } = home;
    await waitFor(() => expect(onPlace).toHaveBeenCalledWith(address, false));
  });

  it('names each field to fix in a new address, and saves a good one for next time', async () => {
    const onPlace = vi.fn(async () => undefined);
    render(<CheckoutForm lines={lines} savedAddresses={[home]} deliveryRule={rule} onPlace={onPlace} />);
    fireEvent.click(screen.getByRole('radio', { name: 'A new address' }));
    fireEvent.change(screen.getByLabelText('PIN code'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    expect(screen.getByText('Enter the 6-digit PIN code')).toBeTruthy();
    expect(screen.getByLabelText('PIN code').getAttribute('aria-invalid')).toBe('true');
    expect(onPlace).not.toHaveBeenCalled();

    for (const [label, value] of [['Full name', 'Ravi'], ['Phone', '98480 22338'], ['House and street', '4 Hill Road'], ['City', 'Kakinada'], ['State', 'Andhra Pradesh'], ['PIN code', '533001']]) {
      fireEvent.change(screen.getByLabelText(label!), { target: { value } });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() =>
      expect(onPlace).toHaveBeenCalledWith({ name: 'Ravi', phone: '9848022338', line1: '4 Hill Road', city: 'Kakinada', state: 'Andhra Pradesh', pincode: '533001' }, true),
    );
  });

  it('takes the shopper to the first field to fix after a refused order', async () => {
    render(<CheckoutForm lines={lines} savedAddresses={[]} deliveryRule={rule} onPlace={vi.fn()} prefill={{ name: 'Sita' }} />);
    fireEvent.change(screen.getByLabelText('PIN code'), { target: { value: '533406' } });
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Phone')));
    // Again after moving on: the same problem still brings the focus back.
    screen.getByLabelText('City').focus();
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Phone')));
  });

  it('starts a new address from the profile’s name and phone, and accepts a PIN code typed with a space', async () => {
    const onPlace = vi.fn(async () => undefined);
    render(<CheckoutForm lines={lines} savedAddresses={[]} deliveryRule={rule} onPlace={onPlace} prefill={{ name: 'Sita Devi', phone: '9848022338' }} />);
    expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Sita Devi');
    expect((screen.getByLabelText('Phone') as HTMLInputElement).value).toBe('9848022338');
    for (const [label, value] of [['House and street', '1 Temple Road'], ['City', 'Annavaram'], ['State', 'Andhra Pradesh'], ['PIN code', '533 406']]) {
      fireEvent.change(screen.getByLabelText(label!), { target: { value } });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Place order' }));
    await waitFor(() =>
      expect(onPlace).toHaveBeenCalledWith({ name: 'Sita Devi', phone: '9848022338', line1: '1 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' }, true),
    );
  });

  it('fills in the profile when it arrives after the form, never over what was typed', () => {
    const props = { lines, savedAddresses: [], deliveryRule: rule, onPlace: vi.fn() };
    const { rerender } = render(<CheckoutForm {...props} />);
    fireEvent.change(screen.getByLabelText('Phone'), { target: { value: '90000 00000' } });
    rerender(<CheckoutForm {...props} prefill={{ name: 'Sita Devi', phone: '9848022338' }} />);
    expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Sita Devi');
    expect((screen.getByLabelText('Phone') as HTMLInputElement).value).toBe('90000 00000');
  });
});
