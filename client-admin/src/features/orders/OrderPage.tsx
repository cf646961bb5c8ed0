/**
 * One order: items, totals, customer, address (its phones tap to call), payment and history, the
 * next statuses the server's state machine allows as large buttons with an optional note, and the
 * payment to record (the courier's cash collected, a refund), each confirmed once. A move made
 * offline waits visibly; if another admin moved the order first or the server refused the move,
 * the page says why and shows the server's state.
 */
import { formatIndiaDateTime, formatRupees } from '@oa/client-sync';
import { Field } from '@oa/client-sync/react';
import type { Order, OrderStatus } from '@oa/schema';
import { useState } from 'react';
import { Link } from '../../shell/router';
import { toPaymentActions, toStatusActions, toStatusLabel, type Customer, type PaymentAction } from './orders.logic';
import { toTelHref } from './phone.logic';
import { PhoneLink } from './PhoneLink';

export interface OrderPageProps {
  readonly order: Order | undefined;
  readonly customer: Customer | undefined;
  readonly payment: string;
  /** A move made here has not reached the server yet. */
  readonly waiting: boolean;
  /** Why the last move made here did not stand (another admin first, or the server refused it). */
  readonly notice: string | undefined;
  readonly onMove: (to: OrderStatus, note: string | undefined) => Promise<void>;
  readonly onRecordPayment: (to: Order['paymentStatus']) => Promise<void>;
}

export function OrderPage({ order, customer, payment, waiting, notice, onMove, onRecordPayment }: OrderPageProps) {
  const [note, setNote] = useState('');
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [confirmingPayment, setConfirmingPayment] = useState<PaymentAction | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  if (!order) {
    return (
      <section className="panel">
        <h2>Order not found</h2>
        <p>It may not have synced to this device yet. <Link to={{ name: 'orders' }}>All orders</Link></p>
      </section>
    );
  }
  const current = order;
  const actions = toStatusActions(current.status);
  const paymentActions = toPaymentActions(current, formatRupees);

  async function move(to: OrderStatus) {
    setBusy(true);
    setConfirmingCancel(false);
    try {
      await onMove(to, note.trim() || undefined);
      setNote('');
    } finally {
      setBusy(false);
    }
  }

  async function recordPayment(action: PaymentAction) {
    setBusy(true);
    setConfirmingPayment(undefined);
    try {
      await onRecordPayment(action.to);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="order-page" aria-labelledby="order-title">
      <p className="crumbs"><Link to={{ name: 'orders' }}>Orders</Link></p>
      <h2 id="order-title">{current.orderId}</h2>
      <p>
        <span className={`status status--${current.status}`} data-testid="order-status" data-status={current.status}>{toStatusLabel(current.status)}</span>
        {waiting ? <span className="waiting" data-testid="order-waiting"> · Waiting to sync</span> : null}
      </p>
      {notice ? <p role="alert" className="notice" data-testid="order-notice">{notice}</p> : null}
      {current.statusNote ? <p className="note">Note: {current.statusNote}</p> : null}
      {current.rejectionReason ? <p className="problem">Not placed: {current.rejectionReason}</p> : null}

      {actions.length > 0 ? (
        <section aria-labelledby="move-title" className="moves">
          <h3 id="move-title">Move it on</h3>
          <Field label="Note for this step (optional)">
            {(control) => <textarea {...control} value={note} maxLength={500} rows={2} onChange={(event) => setNote(event.target.value)} />}
          </Field>
          <div className="moves__buttons">
            {actions.map((action) =>
              action.danger ? (
                <button key={action.to} type="button" className="big danger" disabled={busy} onClick={() => setConfirmingCancel(true)}>{action.label}</button>
              ) : (
                <button key={action.to} type="button" className="big" disabled={busy} onClick={() => void move(action.to)}>{action.label}</button>
              ),
            )}
          </div>
          {confirmingCancel ? (
            <div role="alert" className="confirm">
              <p>Cancel {current.orderId}? Its stock goes back and its payment is voided.</p>
              <button type="button" className="big danger" onClick={() => void move('cancelled')}>Yes, cancel it</button>
              <button type="button" onClick={() => setConfirmingCancel(false)}>Keep it</button>
            </div>
          ) : null}
        </section>
      ) : (
        <p className="note">This order is {toStatusLabel(current.status).toLowerCase()}: nothing more to do.</p>
      )}

      <section aria-labelledby="items-title">
        <h3 id="items-title">Items</h3>
        <ul className="rows">
          {current.items.map((item) => (
            <li key={item.productId} className="row row--plain">
              <span>{item.name} × {item.quantity}</span>
              <span>{formatRupees(item.price * item.quantity)}</span>
            </li>
          ))}
        </ul>
        <p className="totals">Items {formatRupees(current.subtotal)} · Delivery {formatRupees(current.shippingFee)} · <strong>Total {formatRupees(current.total)}</strong></p>
      </section>
      <section aria-labelledby="customer-title">
        <h3 id="customer-title">Customer and delivery</h3>
        <p>{customer ? <>{customer.name} · {customer.email}</> : 'Customer not synced yet'}</p>
        {/* The profile's phone too, when it is another number than the delivery one. */}
        {customer?.phone && toTelHref(customer.phone) !== toTelHref(current.shippingAddress.phone) ? (
          <p data-testid="customer-phone">Profile phone: <PhoneLink phone={customer.phone} /></p>
        ) : null}
        <address>
          {current.shippingAddress.name}, <PhoneLink phone={current.shippingAddress.phone} /><br />
          {current.shippingAddress.line1}{current.shippingAddress.line2 ? `, ${current.shippingAddress.line2}` : ''}<br />
          {current.shippingAddress.city}, {current.shippingAddress.state} {current.shippingAddress.pincode}
        </address>
        {current.notes ? <p>Customer’s note: {current.notes}</p> : null}
      </section>
      <section aria-labelledby="payment-title">
        <h3 id="payment-title">Payment</h3>
        <p data-testid="order-payment">{payment}</p>
        {paymentActions.length > 0 ? (
          <div className="moves__buttons">
            {paymentActions.map((action) => (
              <button key={action.to} type="button" className="big" disabled={busy} onClick={() => setConfirmingPayment(action)}>{action.label}</button>
            ))}
          </div>
        ) : null}
        {confirmingPayment ? (
          <div role="alert" className="confirm">
            <p>{confirmingPayment.confirm}</p>
            <button type="button" className="big" onClick={() => void recordPayment(confirmingPayment)}>Yes, record it</button>
            <button type="button" onClick={() => setConfirmingPayment(undefined)}>Not yet</button>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="history-title">
        <h3 id="history-title">History</h3>
        <ol className="history">
          {current.statusHistory.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              {toStatusLabel(entry.status)} · {formatIndiaDateTime(entry.at)}{entry.by ? ` · by ${entry.by}` : ''}{entry.note ? ` · ${entry.note}` : ''}
            </li>
          ))}
        </ol>
        <p className="note">Placed {formatIndiaDateTime(current.createdAt)}</p>
      </section>
    </article>
  );
}
