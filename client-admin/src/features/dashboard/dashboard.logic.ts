/**
 * The dashboard's figures: orders by status, today's orders and revenue, and the last weeks, all
 * counted on India's calendar (Asia/Kolkata, UTC+5:30, no DST) whatever the device's time zone,
 * plus how money and days read on the screen. No React, no RxDB: orders and a clock in, data out.
 */
import { orderStatuses, type Order, type OrderStatus } from '@oa/schema';

/** What the figures need of an order. */
export type DashboardOrder = Pick<Order, 'status' | 'total' | 'createdAt' | '_deleted'> & Partial<Pick<Order, 'paymentStatus'>>;

export interface StatusCount {
  readonly status: OrderStatus;
  readonly count: number;
}

export interface DaySummary {
  /** India's calendar day, YYYY-MM-DD. */
  readonly day: string;
  readonly orders: number;
  /** Rupees, rounded to paise. */
  readonly revenue: number;
  /** The part of `revenue` already paid (cash collected); the rest is still to collect. */
  readonly collected: number;
}

export interface WeekSummary {
  /** The Monday that starts the week in India, YYYY-MM-DD. */
  readonly start: string;
  readonly orders: number;
  readonly revenue: number;
}

export interface DashboardSummary {
  /** Every order not deleted, whatever its status or date. */
  readonly totalOrders: number;
  /** One count per status, zeros included, in the order of the state machine. */
  readonly byStatus: readonly StatusCount[];
  readonly today: DaySummary;
  /** The last `weekCount` weeks, oldest first, the current week last; empty weeks included. */
  readonly weeks: readonly WeekSummary[];
}

/** Weeks in the chart: two months, enough to see a trend, few enough for a phone. */
export const weekCount = 8;

const dayMs = 24 * 60 * 60 * 1000;
const weekMs = 7 * dayMs;
/** India Standard Time is UTC+5:30 all year (no DST), so a fixed shift gives its wall clock exactly. */
const indiaOffsetMs = (5 * 60 + 30) * 60 * 1000;

/** Cancelled and rejected orders will never be paid (their payment is `void`): they count as orders, but bring no revenue. */
const unpaidStatuses: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['cancelled', 'rejected']);

export const isRevenue = (order: Pick<Order, 'status'>): boolean => !unpaidStatuses.has(order.status);

/** The instant (ms since epoch) of 00:00 in India on the India day that holds `instantMs`. */
function toIndiaDayStartMs(instantMs: number): number {
  const wallMs = instantMs + indiaOffsetMs;
  return Math.floor(wallMs / dayMs) * dayMs - indiaOffsetMs;
}

/** The instant of Monday 00:00 in India that starts the India week holding `instantMs`. */
function toIndiaWeekStartMs(instantMs: number): number {
  const dayStartMs = toIndiaDayStartMs(instantMs);
  // getUTCDay of the shifted instant is India's weekday: 0 is Sunday, so Sunday is 6 days after Monday.
  const weekday = new Date(dayStartMs + indiaOffsetMs).getUTCDay();
  return dayStartMs - ((weekday + 6) % 7) * dayMs;
}

/** YYYY-MM-DD of India's calendar day holding an instant (ms since epoch). */
const toIndiaDate = (instantMs: number): string => new Date(instantMs + indiaOffsetMs).toISOString().slice(0, 10);


/** The Monday (India time) that starts the week of an ISO instant: '2026-03-01T18:29:59Z' (a Sunday night) → '2026-02-23'. */
export function toIndiaWeekStart(iso: string): string {
  return toIndiaDate(toIndiaWeekStartMs(Date.parse(iso)));
}

/** Sums money in whole paise, so 0.1 + 0.2 is 0.3 and not 0.30000000000000004. */
const toPaise = (rupees: number): number => Math.round(rupees * 100);

export function summarizeOrders(orders: readonly DashboardOrder[], now: Date): DashboardSummary {
  const statusCounts = new Map<OrderStatus, number>(orderStatuses.map((status) => [status, 0]));
  const todayStartMs = toIndiaDayStartMs(now.getTime());
  const todayEndMs = todayStartMs + dayMs;
  const firstWeekStartMs = toIndiaWeekStartMs(now.getTime()) - (weekCount - 1) * weekMs;
  const chartEndMs = firstWeekStartMs + weekCount * weekMs;
  const weeks = Array.from({ length: weekCount }, () => ({ orders: 0, paise: 0 }));
  const today = { orders: 0, paise: 0, collectedPaise: 0 };
  let totalOrders = 0;

  for (const order of orders) {
    if (order._deleted) continue;
    totalOrders += 1;
    const count = statusCounts.get(order.status);
    // A status this build does not know (a newer server) still counts in the total, not in a tile.
    if (count !== undefined) statusCounts.set(order.status, count + 1);
    const createdMs = Date.parse(order.createdAt);
    if (Number.isNaN(createdMs)) continue;
    const paise = isRevenue(order) ? toPaise(order.total) : 0;
    if (createdMs >= todayStartMs && createdMs < todayEndMs) {
      today.orders += 1;
      today.paise += paise;
      if (order.paymentStatus === 'paid') today.collectedPaise += paise;
    }
    if (createdMs >= firstWeekStartMs && createdMs < chartEndMs) {
      const week = weeks[Math.floor((createdMs - firstWeekStartMs) / weekMs)];
      if (week) {
        week.orders += 1;
        week.paise += paise;
      }
    }
  }

  return {
    totalOrders,
    byStatus: orderStatuses.map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    today: { day: toIndiaDate(todayStartMs), orders: today.orders, revenue: today.paise / 100, collected: today.collectedPaise / 100 },
    weeks: weeks.map((week, index) => ({ start: toIndiaDate(firstWeekStartMs + index * weekMs), orders: week.orders, revenue: week.paise / 100 })),
  };
}



const counts = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });


/** A count with Indian digit grouping: 123456 → "1,23,456". */
export function formatCount(count: number): string {
  return counts.format(count);
}

const shortNumbers = [new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 }), new Intl.NumberFormat('en-IN', { maximumFractionDigits: 1 })] as const;

/** Thousands, lakhs (1,00,000) and crores (1,00,00,000): the units an Indian shop owner counts in. */
const shortUnits = [
  { size: 1e3, suffix: 'k' },
  { size: 1e5, suffix: 'L' },
  { size: 1e7, suffix: 'Cr' },
] as const;

/**
 * A money label short enough for a chart axis, in Indian units: 950 → "₹950", 1200 → "₹1.2k",
 * 340000 → "₹3.4L", 12000000 → "₹1.2Cr". One decimal below 10 of a unit, none above.
 */
export function formatShortRupees(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const size = Math.abs(amount);
  if (Math.round(size) < 1e3) return `${sign}₹${Math.round(size)}`;
  for (const [index, unit] of shortUnits.entries()) {
    const value = size / unit.size;
    const decimals = value < 10 ? 1 : 0;
    const rounded = Number(value.toFixed(decimals));
    const next = shortUnits[index + 1];
    // 99,960 would round to "100k": that is "₹1L", so move up a unit whenever rounding reaches the next one.
    if (next && rounded * unit.size >= next.size) continue;
    return `${sign}₹${shortNumbers[decimals].format(rounded)}${unit.suffix}`;
  }
  return `${sign}₹${Math.round(size)}`;
}

/**
 * Round ticks for a chart axis from 0 to at least `max`: steps of 1, 2 or 5 × 10ⁿ, at most five
 * ticks; whole steps when `whole` (order counts). 7 → [0, 2, 4, 6, 8]; 0 → [0, 1].
 */
export function toAxisTicks(max: number, whole = false): number[] {
  const rawStep = Math.max(max, 0) / 4;
  let step = whole ? 1 : 0;
  if (rawStep > 0) {
    const magnitude = 10 ** Math.floor(Math.log10(rawStep));
    const fraction = rawStep / magnitude;
    step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    if (whole) step = Math.max(1, Math.ceil(step));
  }
  if (step === 0) step = 1;
  const top = Math.max(1, Math.ceil(max / step)) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
}

const shortDay = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const weekday = new Intl.DateTimeFormat('en-IN', { weekday: 'short', timeZone: 'UTC' });
const fullDay = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Days here are calendar dates already in India: read at 00:00 UTC and formatted in UTC, so no zone moves them. */
const toCalendarDate = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

/** '2026-03-02' → "2 Mar" (a bar's label). */
export function formatShortDay(day: string): string {
  return shortDay.format(toCalendarDate(day));
}

/** '2026-03-02' → "2 Mar 2026". */
export function formatDay(day: string): string {
  return fullDay.format(toCalendarDate(day));
}

/** '2026-03-02' → "Mon, 2 Mar" (today's heading). Put together by hand: ICU versions punctuate the combined pattern differently. */
export function formatLongDay(day: string): string {
  const date = toCalendarDate(day);
  return `${weekday.format(date)}, ${shortDay.format(date)}`;
}
