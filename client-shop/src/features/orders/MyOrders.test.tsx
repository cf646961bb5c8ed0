// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '../../testing/render';
import { MyOrders } from './MyOrders';
import type { OrderView } from './orders.logic';

const view = (id: string, fields: Partial<OrderView>): OrderView => ({
  id, number: undefined, waitingToSync: false, status: 'Placed', rawStatus: 'pending', rejectionReason: undefined, total: 100, itemCount: 1,
  placedAt: '2026-01-01T00:00:00.000Z', items: [{ productId: 'p1', name: 'Laddu', quantity: 1 }], note: undefined, ...fields,
});

describe('my orders', () => {
  it('shows an order waiting to sync, and the server’s number and status of another', () => {
    render(<MyOrders orders={[view('o1', { waitingToSync: true, status: 'Waiting to sync' }), view('o2', { number: 'OA-1', status: 'Shipped', rawStatus: 'shipped', note: 'Via India Post' })]} onBackToCart={vi.fn()} />);
    expect(screen.getAllByText(/New order|OA-1/).map((node) => node.textContent)).toEqual(['New order', 'OA-1']);
    expect(screen.getByText('Waiting to sync')).toBeTruthy();
    expect(screen.getByText('Shipped').getAttribute('data-status')).toBe('shipped');
    expect(screen.getByText('Via India Post')).toBeTruthy();
  });

  it('opens each order’s page from its row, one waiting to sync too', () => {
    render(<MyOrders orders={[view('o1', { waitingToSync: true, status: 'Waiting to sync' }), view('o2', { number: 'OA-1' })]} onBackToCart={vi.fn()} />);
    expect(screen.getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['New order', '/orders/o1'],
      ['OA-1', '/orders/o2'],
    ]);
  });

  it('says why an order was not placed and puts its items back in the cart', () => {
    const onBackToCart = vi.fn();
    const rejected = view('o3', { number: 'OA-2', status: 'Not placed', rawStatus: 'rejected', rejectionReason: 'Laddu is out of stock' });
    render(<MyOrders orders={[rejected]} onBackToCart={onBackToCart} />);
    expect(screen.getByText('Your order could not be placed: Laddu is out of stock')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Put the items back in my cart' }));
    expect(onBackToCart).toHaveBeenCalledWith(rejected);
  });
});
