/**
 * The orders list: live (new orders appear as they sync, marked New until the admin opens them or
 * marks the list seen), filtered by status and dates, searched by order number or customer. Rows
 * link to each order's page. Works offline on what has synced.
 */
import { formatIndiaDateTime, formatRupees } from '@oa/client-sync';
import { orderStatuses, type Order, type OrderStatus } from '@oa/schema';
import { useMemo, useState } from 'react';
import { Link } from '../../shell/router';
import { selectOrders, toItemCountLabel, toStatusLabel, type Customer, type OrderFilter } from './orders.logic';
import { isNewOrder, type SeenOrders } from './seen-orders.logic';

export interface OrdersPageProps {
  readonly orders: readonly Order[] | undefined;
  readonly customers: ReadonlyMap<string, Customer>;
  readonly status?: OrderStatus | undefined;
  readonly onStatus: (status: OrderStatus | undefined) => void;
  /** Which orders the admin has seen; the others are marked New and counted on the button that marks them all seen. */
  readonly seen: SeenOrders;
  readonly newCount: number;
  readonly onMarkSeen: () => void;
  /** Orders with a change made here that has not reached the server yet. */
  readonly waiting: ReadonlySet<string>;
}

export function OrdersPage({ orders, customers, status, onStatus, seen, newCount, onMarkSeen, waiting }: OrdersPageProps) {
  const [filter, setFilter] = useState<Omit<OrderFilter, 'status'>>({});
  const shown = useMemo(() => selectOrders(orders ?? [], { ...filter, status }, customers), [orders, filter, status, customers]);
  if (orders === undefined) return <p className="empty">Loading orders…</p>;
  return (
    <section aria-labelledby="orders-title" className="orders-page">
      <div className="heading-row">
        <h2 id="orders-title">Orders</h2>
        {newCount > 0 ? (
          <button type="button" className="badge" onClick={onMarkSeen} data-testid="new-orders">
            {newCount} new · mark seen
          </button>
        ) : null}
      </div>
      <div className="filters">
        <label>
          Status
          <select value={status ?? ''} onChange={(event) => onStatus((event.target.value || undefined) as OrderStatus | undefined)}>
            <option value="">All statuses</option>
            {orderStatuses.map((value) => <option key={value} value={value}>{toStatusLabel(value)}</option>)}
          </select>
        </label>
        <label>From <input type="date" value={filter.from ?? ''} onChange={(event) => setFilter({ ...filter, from: event.target.value || undefined })} /></label>
        <label>To <input type="date" value={filter.to ?? ''} onChange={(event) => setFilter({ ...filter, to: event.target.value || undefined })} /></label>
        <label className="filters__search">
          Search
          <input type="search" placeholder="Order number, name, email or phone" value={filter.search ?? ''} onChange={(event) => setFilter({ ...filter, search: event.target.value })} />
        </label>
      </div>
      <p className="count" aria-live="polite">{shown.length === 1 ? '1 order' : `${shown.length} orders`}</p>
      <ul className="rows" data-testid="orders">
        {shown.map((order) => (
          <li key={order.id} className="row" data-order-id={order.id}>
            <Link to={{ name: 'order', id: order.id }} className="row__link">
              <span className="row__title">{order.orderId}</span>
              <span>
                <span className={`status status--${order.status}`} data-status={order.status}>{toStatusLabel(order.status)}</span>
                {isNewOrder(order, seen) ? <span className="new-tag" data-testid="order-new">New</span> : null}
              </span>
              <span className="row__meta">
                {customers.get(order.userId)?.name ?? order.shippingAddress.name} · {toItemCountLabel(order)} · {formatRupees(order.total)} · {formatIndiaDateTime(order.createdAt)}
              </span>
              {waiting.has(order.id) ? <span className="waiting">Waiting to sync</span> : null}
            </Link>
          </li>
        ))}
      </ul>
      {shown.length === 0 ? <p className="empty">No orders match.</p> : null}
    </section>
  );
}
