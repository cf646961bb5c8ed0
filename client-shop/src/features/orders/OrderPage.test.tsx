// @vitest-environment happy-dom
import type { Order } from '@oa/schema';
import { formatIndiaDateTime } from '@oa/client-sync';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../../testing/render';
import { toOrderPageView } from './order-page.logic';
import { OrderPage } from './OrderPage';

const placedAt = '2026-01-01T04:30:00.000Z';
const order = (fields: Partial<Order> = {}): Order =>
  ({
    id: 'o1', _deleted: false, createdAt: placedAt, updatedAt: placedAt, orderId: 'OA-20260101-7K3F9Q', userId: 'u1', user: 'u1',
    items: [
      { productId: 'p1', product: 'p1', name: 'Laddu', price: 60, quantity: 2, imageUrl: '/images/laddu.webp' },
      { productId: 'p2', product: 'p2', name: 'Camphor', price: 20, quantity: 1 },
    ],
    products: [], subtotal: 140, shippingFee: 40, total: 180, status: 'pending', paymentMethod: 'cod', paymentStatus: 'pending',
    shippingAddress: { name: 'Sita', phone: '9848022338', line1: '1 Temple Road', city: 'Annavaram', state: 'AP', pincode: '533406' },
    statusHistory: [{ status: 'pending', at: placedAt, by: 'customer' }],
    ...fields,
  }) as Order;

const show = (fields: Partial<Order> = {}, onCancel = vi.fn(async () => true), onBackToCart = vi.fn()) =>
  render(<OrderPage order={toOrderPageView(order(fields))} onCancel={onCancel} onBackToCart={onBackToCart} />);

describe('an order’s page', () => {
  it('shows the items with their pictures, or a placeholder, and the amounts', () => {
    show();
    expect(screen.getByRole('heading', { name: 'Order OA-20260101-7K3F9Q' })).toBeTruthy();
    const items = within(screen.getByRole('region', { name: 'Items' }));
    const [laddu, camphor] = items.getAllByRole('listitem');
    expect(laddu!.querySelector('img')?.getAttribute('src')).toBe('/images/laddu.webp');
    expect(laddu!.textContent).toBe('Laddu2 × ₹60₹120');
    expect(camphor!.querySelector('img')).toBeNull();
    expect(within(camphor!).getByTestId('order-line-placeholder')).toBeTruthy();
    expect(screen.getByTestId('order-amounts').textContent).toBe('Subtotal₹140Delivery₹40Total₹180To pay on delivery₹180');
  });

  it('falls back to the placeholder when a picture fails to load (offline, never seen)', () => {
    show();
    const picture = screen.getByRole('region', { name: 'Items' }).querySelector('img')!;
    fireEvent.error(picture);
    expect(screen.getAllByTestId('order-line-placeholder')).toHaveLength(2);
  });

  it('says delivery is free, and asks nothing on delivery once paid', () => {
    show({ shippingFee: 0, subtotal: 600, total: 600, status: 'delivered', paymentStatus: 'paid' });
    expect(screen.getByTestId('order-amounts').textContent).toBe('Subtotal₹600DeliveryFreeTotal₹600');
    expect(screen.getByTestId('order-payment').textContent).toBe('Paid in cash');
  });

  it('shows the address and the payment in words', () => {
    show();
    expect(screen.getByRole('region', { name: 'Delivery address' }).textContent).toBe('Delivery addressSita1 Temple RoadAnnavaram, AP 533406Phone 9848022338');
    expect(screen.getByTestId('order-payment').textContent).toBe('Cash on delivery: pay when it arrives');
  });

  it('lists the steps oldest first, with the dates in India and the shop’s notes', () => {
    show({
      status: 'confirmed',
      statusNote: 'Packing this afternoon',
      statusHistory: [
        { status: 'pending', at: placedAt, by: 'customer' },
        { status: 'confirmed', at: '2026-01-01T06:00:00.000Z', by: 'admin', note: 'Packing this afternoon' },
      ],
    });
    const steps = within(screen.getByRole('region', { name: 'Progress' })).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent)).toEqual([
      `Placed by you${formatIndiaDateTime(placedAt)}`,
      `Confirmed by the shop${formatIndiaDateTime('2026-01-01T06:00:00.000Z')}Packing this afternoon`,
    ]);
    expect(screen.getByTestId('order-page-status').textContent).toBe('Confirmed');
    expect(screen.queryByRole('button', { name: 'Cancel order' })).toBeNull();
  });

  it('cancels a pending order only after the shopper confirms it in the page', async () => {
    const onCancel = vi.fn(async () => true);
    show({}, onCancel);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel order' }));
    const question = screen.getByRole('group', { name: /Cancel this order\?/ });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Keep the order' }));
    expect(onCancel).not.toHaveBeenCalled();
    fireEvent.click(within(question).getByRole('button', { name: 'Yes, cancel the order' }));
    await waitFor(() => expect(onCancel).toHaveBeenCalledWith('o1'));
  });

  it('keeps the order when the shopper changes their mind, focus back on the button', () => {
    const onCancel = vi.fn(async () => true);
    show({}, onCancel);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel order' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep the order' }));
    expect(screen.queryByRole('group', { name: /Cancel this order/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel order' }));
    expect(onCancel).not.toHaveBeenCalled();
  });

  it.each<[string, Partial<Order>]>([
    ['still waiting to sync', { orderId: 'pending-o1' }],
    ['confirmed', { status: 'confirmed' }],
    ['cancelled', { status: 'cancelled', paymentStatus: 'void', statusHistory: [{ status: 'pending', at: placedAt, by: 'customer' }, { status: 'cancelled', at: placedAt, by: 'customer' }] }],
  ])('offers no cancel on an order %s', (_case, fields) => {
    show(fields);
    expect(screen.queryByRole('button', { name: 'Cancel order' })).toBeNull();
  });

  it('shows a cancel waiting for the server, then the server’s answer live', () => {
    const onCancel = vi.fn(async () => true);
    const { rerender } = render(<OrderPage order={toOrderPageView(order({ status: 'cancelled' }))} onCancel={onCancel} onBackToCart={vi.fn()} />);
    expect(screen.getByTestId('order-page-status').textContent).toBe('Cancelling');
    expect(screen.getByText('Cancelled on this device: waiting for the shop to confirm.')).toBeTruthy();
    const answered = order({ status: 'cancelled', paymentStatus: 'void', statusHistory: [{ status: 'pending', at: placedAt, by: 'customer' }, { status: 'cancelled', at: placedAt, by: 'customer' }] });
    rerender(<OrderPage order={toOrderPageView(answered)} onCancel={onCancel} onBackToCart={vi.fn()} />);
    expect(screen.getByTestId('order-page-status').textContent).toBe('Cancelled');
    expect(screen.getByTestId('order-payment').textContent).toBe('No payment due (cancelled)');
    expect(screen.getByTestId('order-amounts').textContent).not.toContain('To pay on delivery');
  });

  it('says so when the shop moved the order on before the cancel reached it', async () => {
    const onCancel = vi.fn(async () => true);
    const { rerender } = render(<OrderPage order={toOrderPageView(order())} onCancel={onCancel} onBackToCart={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel order' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel the order' }));
    await waitFor(() => expect(onCancel).toHaveBeenCalled());
    rerender(<OrderPage order={toOrderPageView(order({ status: 'confirmed' }))} onCancel={onCancel} onBackToCart={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toBe('This order was not cancelled: the shop had moved it on first. It is confirmed now.');
  });

  it('says why a rejected order was not placed and puts its items back in the cart', () => {
    const onBackToCart = vi.fn();
    show({ status: 'rejected', paymentStatus: 'void', rejectionReason: 'Laddu is out of stock' }, undefined, onBackToCart);
    expect(screen.getByText('Your order could not be placed: Laddu is out of stock')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Put the items back in my cart' }));
    expect(onBackToCart).toHaveBeenCalledWith(expect.objectContaining({ items: [{ productId: 'p1', name: 'Laddu', quantity: 2 }, { productId: 'p2', name: 'Camphor', quantity: 1 }] }));
  });

  it('says when the order is not on this device', () => {
    render(<OrderPage order={undefined} onCancel={vi.fn()} onBackToCart={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'This order is not on this device' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to My orders' }).getAttribute('href')).toBe('/orders');
  });
});
