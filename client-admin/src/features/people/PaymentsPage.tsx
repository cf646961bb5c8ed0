/** Payments, read-only and searchable (order number, method, status), with amounts in rupees and when, and by whom, cash was collected or refunded. */
import { formatIndiaDateTime, formatRupees } from '@oa/client-sync';
import { toPaymentRecorded } from '../orders/orders.logic';
import type { Order } from '@oa/schema';
import { useMemo, useState } from 'react';
import { selectPayments, type PaymentRow } from './people.logic';

export function PaymentsPage({ payments, orders, adminNames }: { payments: readonly PaymentRow[] | undefined; orders: ReadonlyMap<string, Pick<Order, 'orderId'>>; adminNames?: ReadonlyMap<string, string> }) {
  const [search, setSearch] = useState('');
  const shown = useMemo(() => selectPayments(payments ?? [], orders, search), [payments, orders, search]);
  const recorded = (payment: PaymentRow): string => {
    const phrase = toPaymentRecorded(payment, adminNames);
    return phrase ? ` · ${phrase}` : '';
  };
  if (payments === undefined) return <p className="empty">Loading payments…</p>;
  return (
    <section aria-labelledby="payments-title">
      <h2 id="payments-title">Payments</h2>
      <label className="search">Search <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Order number, method or status" /></label>
      <p className="count" aria-live="polite">{shown.length === 1 ? '1 payment' : `${shown.length} payments`}</p>
      <ul className="rows" data-testid="payments">
        {shown.map((payment) => (
          <li key={payment.id} className="row row--plain">
            <span>
              <strong>{payment.orderNumber}</strong> · {payment.method === 'cod' ? 'Cash on delivery' : 'Online'} · {payment.status}
              {recorded(payment)}
            </span>
            <span>{formatRupees(payment.amount)} · {formatIndiaDateTime(payment.createdAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
