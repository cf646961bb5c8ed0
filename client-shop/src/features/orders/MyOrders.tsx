/** My orders: each order with its number and live status, or "Waiting to sync", or why it was rejected. */
import { formatRupees } from '../catalogue/catalogue.logic';
import type { OrderView } from './orders.logic';

export function MyOrders({ orders }: { orders: readonly OrderView[] }) {
  return (
    <section aria-labelledby="orders-title" className="panel">
      <h2 id="orders-title">My orders</h2>
      {orders.length === 0 ? <p className="empty">No orders yet.</p> : null}
      <ul className="orders" data-testid="orders">
        {orders.map((order) => (
          <li key={order.id} className="order" data-order-id={order.id}>
            <span className="order__number">{order.number ?? 'New order'}</span>
            <span className={`order__status order__status--${order.waitingToSync ? 'waiting' : order.status}`} data-status={order.status}>{order.status}</span>
            <span className="order__summary">{order.itemCount} items · {formatRupees(order.total)}</span>
            {order.rejectionReason ? <p className="problem">{order.rejectionReason}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
