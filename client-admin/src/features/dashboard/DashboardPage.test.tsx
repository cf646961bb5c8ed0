// @vitest-environment happy-dom
/**
 * The dashboard as a shop owner sees it: the counts on the status buttons and what tapping one
 * opens, today's orders and revenue in rupees, the 8 weekly bars with their labels, and the table
 * screen readers get instead of the chart; plus the loading and empty states.
 */
import type { Order, OrderStatus } from '@oa/schema';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DashboardPage } from './DashboardPage';

afterEach(() => cleanup());

const base = {
  _deleted: false, updatedAt: '2026-03-04T06:00:00.000Z', userId: 'u1', user: 'u1',
  items: [{ productId: 'p1', product: 'p1', name: 'Laddu', price: 60, quantity: 2 }], products: [], subtotal: 120, shippingFee: 40,
  paymentMethod: 'cod', paymentStatus: 'pending', statusHistory: [],
  shippingAddress: { name: 'Sita', phone: '9848022338', line1: '1 Temple Road', city: 'Annavaram', state: 'AP', pincode: '533406' },
} as const;
let next = 0;
const order = (status: OrderStatus, total: number, createdAt: string, fields: Partial<Order> = {}): Order => {
  next += 1;
  return { ...base, id: `o${next}`, orderId: `OA-${next}`, status, total, createdAt, ...fields } as Order;
};

/** Wednesday 4 March 2026, 12:00 in India; this week starts on Monday 2 March. */
const now = new Date('2026-03-04T06:30:00.000Z');
const orders: Order[] = [
  order('pending', 100000, '2026-03-04T02:00:00.000Z'), // today
  order('pending', 20000, '2026-03-03T18:45:00.000Z'), // 00:15 today in India
  order('pending', 700, '2026-03-03T10:00:00.000Z'), // yesterday
  order('confirmed', 3456, '2026-03-04T05:00:00.000Z'), // today
  order('cancelled', 500, '2026-03-04T04:00:00.000Z'), // today, but no revenue
  order('shipped', 1500, '2026-02-24T10:00:00.000Z'), // week of 23 Feb
  order('shipped', 500, '2026-02-25T10:00:00.000Z'), // week of 23 Feb
  order('delivered', 2000, '2026-02-10T10:00:00.000Z'), // week of 9 Feb
  order('delivered', 1000, '2026-01-12T10:00:00.000Z'), // week of 12 Jan, the oldest shown
  order('delivered', 4000, '2026-01-05T10:00:00.000Z'), // too old for the chart
  order('delivered', 300, '2026-01-20T10:00:00.000Z'), // week of 19 Jan
  order('rejected', 900, '2026-01-21T10:00:00.000Z'), // week of 19 Jan, no revenue
  order('pending', 99999, '2026-03-04T03:00:00.000Z', { _deleted: true }), // deleted: nowhere
];

const weekStarts = ['2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02'];
const weekLabels = ['12 Jan', '19 Jan', '26 Jan', '2 Feb', '9 Feb', '16 Feb', '23 Feb', '2 Mar'];

const barsOf = (measure: 'orders' | 'revenue') => Array.from(screen.getByTestId(`dashboard-chart-${measure}`).querySelectorAll('rect.dashboard-chart__bar'));

describe('the dashboard', () => {
  it('shows one button per status with its count, in the order of the state machine', () => {
    render(<DashboardPage orders={orders} now={now} onOpenStatus={() => undefined} />);
    const section = screen.getByRole('region', { name: 'Orders by status' });
    const buttons = within(section).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Pending 3', 'Confirmed 1', 'Packed 0', 'Shipped 2', 'Delivered 4', 'Cancelled 1', 'Rejected 1']);
  });

  it('opens the orders of the status tapped', () => {
    const onOpenStatus = vi.fn();
    render(<DashboardPage orders={orders} now={now} onOpenStatus={onOpenStatus} />);
    fireEvent.click(screen.getByRole('button', { name: 'Shipped 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Packed 0' }));
    expect(onOpenStatus.mock.calls).toEqual([['shipped'], ['packed']]);
  });

  it('shows the counts without buttons when there is nowhere to open them', () => {
    render(<DashboardPage orders={orders} now={now} />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    const items = within(screen.getByRole('region', { name: 'Orders by status' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Pending 3', 'Confirmed 1', 'Packed 0', 'Shipped 2', 'Delivered 4', 'Cancelled 1', 'Rejected 1']);
  });

  it('gives today’s orders and revenue in rupees, India’s day, cancelled orders bringing none', () => {
    render(<DashboardPage orders={orders} now={now} />);
    const today = screen.getByRole('region', { name: /^Today/ });
    expect(within(today).getByRole('heading').textContent).toBe('Today Wed, 4 Mar');
    expect(within(today).getByTestId('dashboard-today-orders').textContent).toBe('4');
    expect(within(today).getByTestId('dashboard-today-revenue').textContent).toBe('₹1,23,456');
  });

  it('draws 8 weekly bars per chart, labelled by their Monday, as tall as their figures', () => {
    render(<DashboardPage orders={orders} now={now} />);
    for (const measure of ['orders', 'revenue'] as const) {
      const bars = barsOf(measure);
      expect(bars).toHaveLength(8);
      expect(bars.map((bar) => bar.closest('g')?.getAttribute('data-week'))).toEqual(weekStarts);
      expect(Array.from(screen.getByTestId(`dashboard-chart-${measure}`).querySelectorAll('.dashboard-chart__label')).map((label) => label.textContent)).toEqual(weekLabels);
    }
    const orderBars = barsOf('orders');
    expect(orderBars.map((bar) => bar.getAttribute('data-value'))).toEqual(['1', '2', '0', '0', '1', '0', '2', '5']);
    expect(barsOf('revenue').map((bar) => bar.getAttribute('data-value'))).toEqual(['1000', '300', '0', '0', '2000', '0', '2000', '124156']);
    const height = (index: number) => Number(orderBars[index]?.getAttribute('height'));
    expect(height(6)).toBeCloseTo(2 * height(0));
    expect(height(2)).toBe(0);
    expect(orderBars[7]?.querySelector('title')?.textContent).toBe('Week of 2 Mar: 5 orders');
    expect(barsOf('revenue')[7]?.querySelector('title')?.textContent).toBe('Week of 2 Mar: ₹1,24,156');
  });

  it('gives screen readers the weekly figures as a table, and hides the drawings from them', () => {
    render(<DashboardPage orders={orders} now={now} />);
    const rows = within(screen.getByRole('table', { name: /Orders and revenue per week/ })).getAllByRole('row');
    expect(rows.map((row) => Array.from(row.children).map((cell) => cell.textContent))).toEqual([
      ['Week of', 'Orders', 'Revenue'],
      ['12 Jan 2026', '1', '₹1,000'],
      ['19 Jan 2026', '2', '₹300'],
      ['26 Jan 2026', '0', '₹0'],
      ['2 Feb 2026', '0', '₹0'],
      ['9 Feb 2026', '1', '₹2,000'],
      ['16 Feb 2026', '0', '₹0'],
      ['23 Feb 2026', '2', '₹2,000'],
      ['2 Mar 2026', '5', '₹1,24,156'],
    ]);
    expect(screen.getByTestId('dashboard-chart-orders').getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByRole('figure', { name: 'Revenue per week' })).toBeTruthy();
  });

  it('says it is loading until the orders arrive', () => {
    const { rerender } = render(<DashboardPage orders={undefined} now={now} />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect(screen.queryByRole('region', { name: 'Orders by status' })).toBeNull();
    rerender(<DashboardPage orders={orders} now={now} />);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Orders by status' })).toBeTruthy();
  });

  it('says so when there are no orders yet, deleted ones included', () => {
    render(<DashboardPage orders={[order('pending', 10, '2026-03-04T02:00:00.000Z', { _deleted: true })]} now={now} />);
    expect(screen.getByText(/^No orders yet/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});
