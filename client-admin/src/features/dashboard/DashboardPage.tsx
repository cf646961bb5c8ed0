/**
 * The admins' dashboard, the screen a shop owner opens first: today's orders and revenue, a large
 * button per order status (to open the orders in that status), and orders and revenue over the
 * last weeks. It only shows what it is given: the figures come from dashboard.logic, the orders
 * and the clock from the caller, so it reads the device's data and works offline.
 */
import type { Order, OrderStatus } from '@oa/schema';
import { useMemo } from 'react';
import './dashboard.css';
import { formatRupees } from '@oa/client-sync';
import { toStatusLabel } from '../orders/orders.logic';
import { formatCount, formatDay, formatLongDay, formatShortRupees, summarizeOrders, weekCount, type DashboardSummary, type StatusCount } from './dashboard.logic';
import { WeeklyBarChart } from './WeeklyBarChart';

export interface DashboardPageProps {
  /** Undefined while the local database is still opening. */
  readonly orders: readonly Order[] | undefined;
  /** The clock, passed in so "today" and the weeks are testable. */
  readonly now: Date;
  /** Opens the orders in one status; without it the counts are shown but not tappable. */
  readonly onOpenStatus?: ((status: OrderStatus) => void) | undefined;
}

const toOrdersPhrase = (count: number): string => (count === 1 ? '1 order' : `${formatCount(count)} orders`);

export function DashboardPage({ orders, now, onOpenStatus }: DashboardPageProps) {
  const summary = useMemo(() => (orders ? summarizeOrders(orders, now) : undefined), [orders, now]);

  if (!summary) {
    return (
      <section className="dashboard" aria-labelledby="dashboard-title" aria-busy="true">
        <h2 id="dashboard-title" className="dashboard__title">Dashboard</h2>
        <p className="dashboard__loading" role="status">Loading…</p>
      </section>
    );
  }

  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <h2 id="dashboard-title" className="dashboard__title">Dashboard</h2>
      {summary.totalOrders === 0 ? (
        <p className="dashboard__empty">No orders yet. They will show here as soon as shoppers place them.</p>
      ) : (
        <>
          <TodaySection today={summary.today} />
          <StatusSection byStatus={summary.byStatus} onOpenStatus={onOpenStatus} />
          <WeeksSection weeks={summary.weeks} />
        </>
      )}
    </section>
  );
}

function TodaySection({ today }: { readonly today: DashboardSummary['today'] }) {
  return (
    <section className="dashboard__section dashboard-today" aria-labelledby="dashboard-today-title">
      <h3 id="dashboard-today-title" className="dashboard__heading">
        Today <span className="dashboard-today__date">{formatLongDay(today.day)}</span>
      </h3>
      <dl className="dashboard-today__figures">
        <div className="dashboard-today__figure">
          <dt>Orders</dt>
          <dd data-testid="dashboard-today-orders">{formatCount(today.orders)}</dd>
        </div>
        <div className="dashboard-today__figure">
          <dt>Revenue</dt>
          <dd data-testid="dashboard-today-revenue">{formatRupees(today.revenue)}</dd>
          {/* Cash on delivery is money expected, not money held, until the courier's cash is recorded. */}
          <dd className="dashboard-today__split" data-testid="dashboard-today-collected">
            {formatRupees(today.collected)} collected · {formatRupees(today.revenue - today.collected)} to collect
          </dd>
        </div>
      </dl>
    </section>
  );
}

function StatusSection({ byStatus, onOpenStatus }: { readonly byStatus: readonly StatusCount[]; readonly onOpenStatus: DashboardPageProps['onOpenStatus'] }) {
  return (
    <section className="dashboard__section" aria-labelledby="dashboard-status-title">
      <h3 id="dashboard-status-title" className="dashboard__heading">Orders by status</h3>
      <ul className="dashboard__statuses">
        {byStatus.map(({ status, count }) => {
          const content = (
            <>
              <span className="dashboard-status__label">{toStatusLabel(status)}</span>{' '}
              <span className="dashboard-status__count">{formatCount(count)}</span>
            </>
          );
          const className = `dashboard-status dashboard-status--${status}${count === 0 ? ' dashboard-status--none' : ''}`;
          return (
            <li key={status} data-status={status}>
              {onOpenStatus ? (
                <button type="button" className={className} onClick={() => onOpenStatus(status)}>
                  {content}
                </button>
              ) : (
                <div className={className}>{content}</div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function WeeksSection({ weeks }: { readonly weeks: DashboardSummary['weeks'] }) {
  return (
    <section className="dashboard__section dashboard-weeks" aria-labelledby="dashboard-weeks-title">
      <h3 id="dashboard-weeks-title" className="dashboard__heading">Last {weekCount} weeks</h3>
      <div className="dashboard-weeks__charts">
        <WeeklyBarChart measure="orders" title="Orders per week" weeks={weeks} formatTick={formatCount} formatValue={toOrdersPhrase} />
        <WeeklyBarChart measure="revenue" title="Revenue per week" weeks={weeks} formatTick={formatShortRupees} formatValue={formatRupees} />
      </div>
      {/* The charts are drawings; this table is what screen readers read instead. It is hidden
          through a wrapper: a table ignores overflow, so hidden itself it would widen the page. */}
      <div className="dashboard__visually-hidden">
      <table>
        <caption>Orders and revenue per week, oldest first; weeks start on Monday</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Orders</th>
            <th scope="col">Revenue</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.start}>
              <th scope="row">{formatDay(week.start)}</th>
              <td>{formatCount(week.orders)}</td>
              <td>{formatRupees(week.revenue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </section>
  );
}
