/**
 * My orders: each order with its number and live status (an admin's change shows without a
 * reload), or "Waiting to sync" while it is still on the device, or why it was not placed, with
 * the way on: put its items back in the cart. Tapping an order opens its page (OrderPage).
 */
import { formatIndiaDateTime, formatRupees } from '@oa/client-sync';
import { Link } from '../../shell/router';
import type { OrderView } from './orders.logic';
import { RejectedOrder } from './RejectedOrder';

export interface MyOrdersProps {
  readonly orders: readonly OrderView[];
  readonly onBackToCart: (order: Pick<OrderView, 'items'>) => void;
}

export function MyOrders({ orders, onBackToCart }: MyOrdersProps) {
  return (
    <section aria-labelledby="orders-title" className="panel">
      <h2 id="orders-title">My orders</h2>
      {orders.length === 0 ? <p className="empty">No orders yet.</p> : null}
      <ul className="orders" data-testid="orders">
        {orders.map((order) => (
          <li key={order.id} className="order" data-order-id={order.id}>
            {/* The link covers the whole row (styles.css): the order is one tap target on a phone. */}
            <Link className="order__link" to={{ name: 'order', id: order.id }}>
              <span className="order__number">{order.number ?? 'New order'}</span>
            </Link>
            <span className={`order__status order__status--${order.waitingToSync ? 'waiting' : order.rawStatus}`} data-status={order.rawStatus} aria-live="polite">
              {order.status}
            </span>
            <span className="order__summary">
              {order.itemCount} {order.itemCount === 1 ? 'item' : 'items'} · {formatRupees(order.total)} · {formatIndiaDateTime(order.placedAt)}
            </span>
            <span className="order__items">{order.items.map((item) => `${item.name} × ${item.quantity}`).join(', ')}</span>
            {order.note ? <p className="order__note">{order.note}</p> : null}
            {order.rejectionReason ? <RejectedOrder reason={order.rejectionReason} onBackToCart={() => onBackToCart(order)} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
