/**
 * One order for its shopper (/orders/<id>): status, cancelling while it is pending (after a
 * confirm step in the page), its steps with the shop's notes, the items with their pictures, the
 * amounts and what to pay on delivery, the payment in words and the address. Live from the local
 * database like My orders; the words come from order-page.logic, the write from the shell.
 */
import { formatIndiaDateTime, formatRupees } from '@oa/client-sync';
import { useEffect, useRef, useState } from 'react';
import { toPhotoCrossOrigin } from '@oa/schema';
import { Link } from '../../shell/router';
import type { OrderPageView } from './order-page.logic';
import { RejectedOrder } from './RejectedOrder';

export interface OrderPageProps {
  /** undefined: not in this device's copy of the shopper's orders (another account's, or a wrong link). */
  readonly order: OrderPageView | undefined;
  /** Cancels the order on the device; false when it was no longer cancellable. */
  readonly onCancel: (orderId: string) => Promise<boolean>;
  readonly onBackToCart: (order: Pick<OrderPageView, 'items'>) => void;
}

export function OrderPage({ order, onCancel, onBackToCart }: OrderPageProps) {
  const [confirming, setConfirming] = useState(false);
  const [writing, setWriting] = useState(false);
  /** This page asked to cancel: if the order comes back moved on instead, the page says so. */
  const [asked, setAsked] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const keepButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the confirm step: onto its safe answer when it opens, back to "Cancel order" when kept.
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (wasConfirming.current) cancelButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!order) {
    return (
      <section className="panel">
        <h2>This order is not on this device</h2>
        <p>It may belong to another account. <Link to={{ name: 'orders' }}>Back to My orders</Link></p>
      </section>
    );
  }

  async function cancel(id: string): Promise<void> {
    setWriting(true);
    setAsked(true);
    setProblem(undefined);
    try {
      await onCancel(id);
    } catch (error) {
      // The device's storage refused the write (full, or closed by a sign-out in another tab).
      setAsked(false);
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setWriting(false);
      wasConfirming.current = false;
      setConfirming(false);
      status.current?.focus();
    }
  }

  const { amounts } = order;
  const notCancelled = asked && order.rawStatus !== 'cancelled' && order.rawStatus !== 'pending';
  const statusKey = order.waitingToSync || order.cancelWaiting ? 'waiting' : order.rawStatus;
  return (
    <article className="order-page" aria-labelledby="order-title">
      <p className="crumbs"><Link to={{ name: 'orders' }}>My orders</Link> › {order.number ?? 'New order'}</p>
      <section className="panel">
        <h2 id="order-title">{order.number ? `Order ${order.number}` : 'New order'}</h2>
        <p className="order-page__placed">Placed {formatIndiaDateTime(order.placedAt)}</p>
        <p className="order-page__status" ref={status} tabIndex={-1}>
          Status: <strong className={`order-page__state order-page__state--${statusKey}`} data-status={order.rawStatus} aria-live="polite" data-testid="order-page-status">{order.status}</strong>
        </p>
        {order.waitingToSync ? <p className="note">Saved on this device: it goes to the shop as soon as you are online.</p> : null}
        {order.cancelWaiting ? <p className="note">Cancelled on this device: waiting for the shop to confirm.</p> : null}
        {notCancelled ? <p className="problem" role="status">This order was not cancelled: the shop had moved it on first. It is {order.status.toLowerCase()} now.</p> : null}
        {problem ? <p className="problem" role="alert">The cancellation could not be saved on this device: {problem}</p> : null}
        {order.rejectionReason ? <RejectedOrder reason={order.rejectionReason} onBackToCart={() => onBackToCart(order)} /> : null}
        {order.canCancel ? (
          confirming ? (
            <div className="confirm" role="group" aria-labelledby="cancel-question">
              <p id="cancel-question">Cancel this order? Nothing will be delivered and you will not pay anything.</p>
              <div className="confirm__actions">
                <button type="button" className="danger" disabled={writing} onClick={() => void cancel(order.id)}>Yes, cancel the order</button>
                <button type="button" ref={keepButton} disabled={writing} onClick={() => setConfirming(false)}>Keep the order</button>
              </div>
            </div>
          ) : (
            <button type="button" className="order-page__cancel" ref={cancelButton} onClick={() => setConfirming(true)}>Cancel order</button>
          )
        ) : null}
      </section>

      <section className="panel" aria-labelledby="order-progress-title">
        <h3 id="order-progress-title">Progress</h3>
        <ol className="timeline">
          {order.timeline.map((entry) => (
            <li key={entry.key} className={`timeline__step timeline__step--${entry.rawStatus}`}>
              <p className="timeline__what"><strong>{entry.status}</strong>{entry.by ? ` by ${entry.by}` : null}</p>
              <p className="timeline__when"><time dateTime={entry.at}>{formatIndiaDateTime(entry.at)}</time></p>
              {entry.note ? <p className="timeline__note">{entry.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section className="panel" aria-labelledby="order-items-title">
        <h3 id="order-items-title">Items</h3>
        <ul className="order-lines">
          {order.lines.map((line) => (
            <li key={line.key} className="order-line">
              <LineImage src={line.imageUrl} />
              <div className="order-line__body">
                <p className="order-line__name">{line.productId ? <Link to={{ name: 'product', id: line.productId }}>{line.name}</Link> : line.name}</p>
                <p className="order-line__each">{line.quantity} × {formatRupees(line.price)}</p>
              </div>
              <p className="order-line__amount">{formatRupees(line.amount)}</p>
            </li>
          ))}
        </ul>
        <dl className="amounts" data-testid="order-amounts">
          <div><dt>Subtotal</dt><dd>{formatRupees(amounts.subtotal)}</dd></div>
          <div><dt>Delivery</dt><dd>{amounts.delivery === 0 ? 'Free' : formatRupees(amounts.delivery)}</dd></div>
          <div className="amounts__total"><dt>Total</dt><dd>{formatRupees(amounts.total)}</dd></div>
          {amounts.toPayOnDelivery !== undefined ? (
            <div className="amounts__due"><dt>To pay on delivery</dt><dd>{formatRupees(amounts.toPayOnDelivery)}</dd></div>
          ) : null}
        </dl>
      </section>

      <section className="panel" aria-labelledby="order-payment-title">
        <h3 id="order-payment-title">Payment</h3>
        <p data-testid="order-payment">{order.payment}</p>
      </section>

      <section className="panel" aria-labelledby="order-address-title">
        <h3 id="order-address-title">Delivery address</h3>
        <address className="order-page__address">
          {[order.address.name, ...order.address.lines, `Phone ${order.address.phone}`].map((line, index) => <span key={index}>{line}</span>)}
        </address>
      </section>
    </article>
  );
}

/** A line's picture at a fixed size (no layout shift), or a neutral placeholder when there is none or it fails to load offline. */
function LineImage({ src }: { src: string | undefined }) {
  const [failed, setFailed] = useState<string | undefined>(undefined);
  if (src && failed !== src) {
    return <img className="order-line__image" src={src} alt="" width={56} height={56} loading="lazy" decoding="async" crossOrigin={toPhotoCrossOrigin(src)} onError={() => setFailed(src)} />;
  }
  return (
    <span className="order-line__image order-line__image--none" aria-hidden="true" data-testid="order-line-placeholder">
      <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
        <path d="M5 8h14l-1.2 12H6.2L5 8z" />
        <path d="M9 10V7a3 3 0 0 1 6 0v3" />
      </svg>
    </span>
  );
}
