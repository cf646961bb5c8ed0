// @vitest-environment happy-dom
/**
 * The orders list: what a row says (items counted in words that agree with the number), which
 * rows are marked New, and the button that marks them all seen. React Testing Library on happy-dom.
 */
import type { Order } from '@oa/schema';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrdersPage, type OrdersPageProps } from './OrdersPage';
import type { Customer } from './orders.logic';

afterEach(() => cleanup());

const order = (id: string, quantities: readonly number[], createdAt: string): Order =>
  ({
    id, _deleted: false, createdAt, updatedAt: createdAt, orderId: `OA-20260301-${id.toUpperCase()}`,
    userId: 'u1', user: 'u1', items: quantities.map((quantity, index) => ({ productId: `p${index}`, product: `p${index}`, name: 'Laddu', price: 60, quantity })),
    products: [], subtotal: 60, shippingFee: 40, total: 100, status: 'pending', paymentMethod: 'cod', paymentStatus: 'pending', statusHistory: [],
    shippingAddress: { name: 'Sita Devi', phone: '9848022338', line1: '1 Temple Road', city: 'Annavaram', state: 'AP', pincode: '533406' },
  }) as Order;

const one = order('one', [1], '2026-03-01T09:00:00.000Z');
const three = order('three', [2, 1], '2026-03-01T10:00:00.000Z');
const customers = new Map<string, Customer>([['u1', { id: 'u1', name: 'Sita Devi', email: 'sita@example.in' }]]);

function renderPage(overrides: Partial<OrdersPageProps> = {}) {
  const props: OrdersPageProps = {
    orders: [one, three],
    customers,
    onStatus: vi.fn(),
    seen: { ids: [] },
    newCount: 0,
    onMarkSeen: vi.fn(),
    waiting: new Set(),
    ...overrides,
  };
  render(<OrdersPage {...props} />);
  return props;
}
const rowOf = (id: string) => document.querySelector(`[data-order-id="${id}"]`)!;

describe('the orders list', () => {
  it('says “1 item” for one piece and “3 items” for three', () => {
    renderPage();
    expect(rowOf('one').textContent).toContain('Sita Devi · 1 item · ₹100');
    expect(rowOf('three').textContent).toContain('Sita Devi · 3 items · ₹100');
  });

  it('marks as New only the orders the admin has not seen', () => {
    renderPage({ seen: { ids: ['three'] } });
    expect(rowOf('one').querySelector('[data-testid="order-new"]')?.textContent).toBe('New');
    expect(rowOf('three').querySelector('[data-testid="order-new"]')).toBeNull();
  });

  it('marks nothing New after the list is marked seen', () => {
    renderPage({ seen: { until: '2026-03-01T10:00:00.000Z', ids: [] } });
    expect(screen.queryAllByTestId('order-new')).toEqual([]);
  });

  it('marks them all seen from the count', () => {
    const props = renderPage({ newCount: 2 });
    fireEvent.click(screen.getByRole('button', { name: '2 new · mark seen' }));
    expect(props.onMarkSeen).toHaveBeenCalledOnce();
  });

  it('offers no button when nothing is new', () => {
    renderPage();
    expect(screen.queryByTestId('new-orders')).toBeNull();
  });
});
