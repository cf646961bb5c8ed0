// @vitest-environment happy-dom
import type { Order } from '@oa/schema';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrderPage, type OrderPageProps } from './OrderPage';

afterEach(() => cleanup());

const order = (fields: Partial<Order> = {}): Order =>
  ({
    id: 'o1', _deleted: false, createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z', orderId: 'OA-20260301-AAAA',
    userId: 'u1', user: 'u1', items: [{ productId: 'p1', product: 'p1', name: 'Laddu', price: 60, quantity: 2 }], products: [], subtotal: 120,
    shippingFee: 40, total: 160, status: 'pending', paymentMethod: 'cod', paymentStatus: 'pending', statusHistory: [{ status: 'pending', at: '2026-03-01T10:00:00.000Z', by: 'customer' }],
    shippingAddress: { name: 'Sita Devi', phone: '9848022338', line1: '1 Temple Road', city: 'Annavaram', state: 'AP', pincode: '533406' },
    ...fields,
  }) as Order;

function renderPage(overrides: Partial<OrderPageProps> = {}) {
  const props: OrderPageProps = {
    order: order(),
    customer: { id: 'u1', name: 'Sita Devi', email: 'sita@example.in' },
    payment: 'Cash on delivery · pending',
    waiting: false,
    notice: undefined,
    onMove: vi.fn(async () => undefined),
    onRecordPayment: vi.fn(async () => undefined),
    ...overrides,
  };
  render(<OrderPage {...props} />);
  return props;
}

describe('an order’s page', () => {
  it('shows the items, totals, customer, address and payment', () => {
    renderPage();
    expect(screen.getByText('Laddu × 2')).toBeTruthy();
    expect(screen.getByText(/Total ₹160/)).toBeTruthy();
    expect(screen.getByText('Sita Devi · sita@example.in')).toBeTruthy();
    expect(screen.getByTestId('order-payment').textContent).toBe('Cash on delivery · pending');
  });

  it('lets the owner tap the delivery phone to call it, with India’s code', () => {
    renderPage();
    const call = screen.getByRole('link', { name: 'Call 9848022338' });
    expect(call.getAttribute('href')).toBe('tel:+919848022338');
    expect(screen.queryByTestId('customer-phone')).toBeNull();
  });

  it('offers the profile’s phone too when it is another number', () => {
    renderPage({ customer: { id: 'u1', name: 'Sita Devi', email: 'sita@example.in', phone: '+91 90000 00001' } });
    expect(screen.getByRole('link', { name: 'Call +91 90000 00001' }).getAttribute('href')).toBe('tel:+919000000001');
    expect(screen.getByRole('link', { name: 'Call 9848022338' })).toBeTruthy();
  });

  it('does not offer the same number twice', () => {
    renderPage({ customer: { id: 'u1', name: 'Sita Devi', email: 'sita@example.in', phone: '+919848022338' } });
    expect(screen.getAllByRole('link', { name: /^Call / })).toHaveLength(1);
  });

  it('moves the order on with the note, through the moves the state machine allows', async () => {
    const props = renderPage({ order: order({ status: 'confirmed' }) });
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Mark packed', 'Cancel order']);
    fireEvent.change(screen.getByLabelText('Note for this step (optional)'), { target: { value: ' Ships tomorrow ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark packed' }));
    await waitFor(() => expect(props.onMove).toHaveBeenCalledWith('packed', 'Ships tomorrow'));
  });

  it('asks before cancelling', async () => {
    const props = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel order' }));
    expect(props.onMove).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/stock goes back and its payment is voided/);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
    await waitFor(() => expect(props.onMove).toHaveBeenCalledWith('cancelled', undefined));
  });

  it('offers nothing for a delivered order whose cash is collected', () => {
    renderPage({ order: order({ status: 'delivered', paymentStatus: 'paid' }) });
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByText('This order is delivered: nothing more to do.')).toBeTruthy();
  });

  it('asks before recording the cash of a delivered order as collected, then records it', async () => {
    const props = renderPage({ order: order({ status: 'delivered', paymentStatus: 'pending' }) });
    fireEvent.click(screen.getByRole('button', { name: 'Cash collected' }));
    expect(props.onRecordPayment).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Record ₹160 in cash collected');
    fireEvent.click(screen.getByRole('button', { name: 'Yes, record it' }));
    await waitFor(() => expect(props.onRecordPayment).toHaveBeenCalledWith('paid'));
  });

  it('offers no cash collection before the order has shipped', () => {
    renderPage({ order: order({ status: 'packed', paymentStatus: 'pending' }) });
    expect(screen.queryByRole('button', { name: 'Cash collected' })).toBeNull();
  });

  it('says when a move waits to sync, and why the last one did not stand', () => {
    renderPage({ waiting: true, notice: 'Another admin changed this order first: it is Confirmed now.' });
    expect(screen.getByTestId('order-waiting').textContent).toContain('Waiting to sync');
    expect(screen.getByTestId('order-notice').textContent).toBe('Another admin changed this order first: it is Confirmed now.');
  });
});
