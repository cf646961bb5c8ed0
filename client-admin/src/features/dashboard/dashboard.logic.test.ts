/**
 * The dashboard's figures, table-driven: India's days and Monday weeks (at their exact edges and
 * whatever the machine's time zone), what counts as revenue, and how money reads on the screen.
 */
import { formatRupees, toIndiaDay } from '@oa/client-sync';
import type { OrderStatus } from '@oa/schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  formatCount,
  formatDay,
  formatLongDay,
  formatShortDay,
  formatShortRupees,
  summarizeOrders,
  toAxisTicks,
  toIndiaWeekStart,
  type DashboardOrder,
} from './dashboard.logic';

const order = (fields: Partial<DashboardOrder> = {}): DashboardOrder => ({ status: 'confirmed', total: 100, createdAt: '2026-03-04T06:00:00.000Z', _deleted: false, ...fields });
/** Wednesday 4 March 2026, 12:00 in India. */
const now = new Date('2026-03-04T06:30:00.000Z');
const countOf = (summary: ReturnType<typeof summarizeOrders>, status: OrderStatus) => summary.byStatus.find((entry) => entry.status === status)?.count;

describe('India’s calendar', () => {
  it.each([
    ['2026-03-01T18:40:00Z', '2026-03-02', 'an evening in UTC is the next morning in India'],
    ['2026-03-01T18:29:59.999Z', '2026-03-01', 'the last instant before midnight IST'],
    ['2026-03-01T18:30:00.000Z', '2026-03-02', 'midnight IST'],
    ['2025-12-31T18:30:00.000Z', '2026-01-01', 'the new year starts 5:30 early'],
    ['2026-03-02T05:00:00+05:30', '2026-03-02', 'an instant written with its offset'],
  ])('reads %s as %s in India (%s)', (iso, day) => {
    expect(toIndiaDay(iso)).toBe(day);
  });

  it.each([
    ['2026-03-01T18:29:59.999Z', '2026-02-23', 'Sunday 23:59:59 IST is the end of the week before'],
    ['2026-03-01T18:30:00.000Z', '2026-03-02', 'Monday 00:00 IST starts a week'],
    ['2026-03-04T06:30:00.000Z', '2026-03-02', 'a Wednesday'],
    ['2026-03-08T18:29:00.000Z', '2026-03-02', 'Sunday night, still the same week'],
    ['2026-01-01T00:00:00.000Z', '2025-12-29', 'a week across the new year'],
  ])('puts %s in the week of %s (%s)', (iso, monday) => {
    expect(toIndiaWeekStart(iso)).toBe(monday);
  });
});

describe('summarizing orders', () => {
  it('counts every status, zeros included, in the order of the state machine', () => {
    const summary = summarizeOrders([order({ status: 'pending' }), order({ status: 'pending' }), order({ status: 'shipped' }), order({ status: 'rejected' })], now);
    expect(summary.byStatus).toEqual([
      { status: 'pending', count: 2 },
      { status: 'confirmed', count: 0 },
      { status: 'packed', count: 0 },
      { status: 'shipped', count: 1 },
      { status: 'delivered', count: 0 },
      { status: 'cancelled', count: 0 },
      { status: 'rejected', count: 1 },
    ]);
    expect(summary.totalOrders).toBe(4);
  });

  it.each([
    ['pending', 250],
    ['confirmed', 250],
    ['packed', 250],
    ['shipped', 250],
    ['delivered', 250],
    ['cancelled', 0],
    ['rejected', 0],
  ] as const)('counts a %s order today with ₹%s of revenue', (status, revenue) => {
    const summary = summarizeOrders([order({ status, total: 250 })], now);
    expect(summary.today).toEqual({ day: '2026-03-04', orders: 1, revenue, collected: 0 });
    expect(summary.weeks.at(-1)).toEqual({ start: '2026-03-02', orders: 1, revenue });
    expect(countOf(summary, status)).toBe(1);
  });

  it("counts today's collected cash apart from the revenue still to collect", () => {
    const summary = summarizeOrders(
      [
        order({ status: 'delivered', paymentStatus: 'paid', total: 300 }),
        order({ status: 'shipped', paymentStatus: 'pending', total: 200 }),
        order({ status: 'cancelled', paymentStatus: 'paid', total: 999 }), // paid, then cancelled: to refund, not revenue
      ],
      now,
    );
    expect(summary.today).toEqual({ day: '2026-03-04', orders: 3, revenue: 500, collected: 300 });
  });

  it('counts today from midnight to midnight in India', () => {
    const summary = summarizeOrders(
      [
        order({ createdAt: '2026-03-03T18:29:59.999Z', total: 1 }), // 23:59 on the 3rd in India: yesterday
        order({ createdAt: '2026-03-03T18:30:00.000Z', total: 10 }), // 00:00 on the 4th: today
        order({ createdAt: '2026-03-04T18:29:59.999Z', total: 100 }), // 23:59 on the 4th: today, though later than now
        order({ createdAt: '2026-03-04T18:30:00.000Z', total: 1000 }), // 00:00 on the 5th: tomorrow
      ],
      now,
    );
    expect(summary.today).toEqual({ day: '2026-03-04', orders: 2, revenue: 110, collected: 0 });
  });

  it('takes today from the clock it is given, in India: 23:00 UTC is already tomorrow', () => {
    const summary = summarizeOrders([order({ createdAt: '2026-03-04T20:00:00.000Z' })], new Date('2026-03-04T23:00:00.000Z'));
    expect(summary.today).toMatchObject({ day: '2026-03-05', orders: 1 });
  });

  it('always returns 8 Monday weeks, oldest first, the current one last, even with no orders', () => {
    const { weeks, today, totalOrders } = summarizeOrders([], now);
    expect(weeks.map((week) => week.start)).toEqual(['2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02']);
    expect(weeks.every((week) => week.orders === 0 && week.revenue === 0)).toBe(true);
    expect(today).toEqual({ day: '2026-03-04', orders: 0, revenue: 0, collected: 0 });
    expect(totalOrders).toBe(0);
  });

  it('puts orders in their India week and leaves older ones out of the chart but not out of the counts', () => {
    const summary = summarizeOrders(
      [
        order({ createdAt: '2026-03-01T18:29:59.000Z', total: 20 }), // Sunday night IST: the week of 23 Feb
        order({ createdAt: '2026-03-01T18:30:00.000Z', total: 30 }), // Monday 00:00 IST: this week
        order({ createdAt: '2026-01-11T18:30:00.000Z', total: 40 }), // Monday 12 Jan 00:00 IST: the first week shown
        order({ createdAt: '2026-01-11T18:29:59.000Z', total: 50, status: 'delivered' }), // Sunday 11 Jan: too old for the chart
      ],
      now,
    );
    const weeks = Object.fromEntries(summary.weeks.map((week) => [week.start, [week.orders, week.revenue]]));
    expect(weeks).toMatchObject({ '2026-01-12': [1, 40], '2026-02-23': [1, 20], '2026-03-02': [1, 30], '2026-02-16': [0, 0] });
    expect(summary.weeks.reduce((sum, week) => sum + week.orders, 0)).toBe(3);
    expect(countOf(summary, 'delivered')).toBe(1);
    expect(summary.totalOrders).toBe(4);
  });

  it('ignores deleted orders everywhere', () => {
    const summary = summarizeOrders([order({ _deleted: true, status: 'pending' }), order({ status: 'pending', total: 80 })], now);
    expect(countOf(summary, 'pending')).toBe(1);
    expect(summary.today).toMatchObject({ orders: 1, revenue: 80 });
    expect(summary.weeks.at(-1)).toMatchObject({ orders: 1, revenue: 80 });
    expect(summary.totalOrders).toBe(1);
  });

  it('adds revenue in paise, so rupees and paise add up exactly', () => {
    const summary = summarizeOrders([order({ total: 0.1 }), order({ total: 0.2 }), order({ total: 1234.55 }), order({ total: 99.99 })], now);
    expect(summary.today.revenue).toBe(1334.84);
    expect(summary.weeks.at(-1)?.revenue).toBe(1334.84);
  });

  describe('on a machine in another time zone', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it.each([
      ['America/Los_Angeles', 22],
      ['Pacific/Kiritimati', 20],
      ['UTC', 6],
    ])('gives the same days and weeks in %s', (timeZone, localHour) => {
      vi.stubEnv('TZ', timeZone);
      // Proves the machine's zone really changed (Node rereads TZ when it is set).
      expect(now.getHours()).toBe(localHour);
      const summary = summarizeOrders([order({ createdAt: '2026-03-01T18:40:00Z' }), order({ createdAt: '2026-03-03T19:00:00Z' })], now);
      expect(toIndiaDay('2026-03-01T18:40:00Z')).toBe('2026-03-02');
      expect(summary.today).toMatchObject({ day: '2026-03-04', orders: 1 });
      expect(summary.weeks.at(-1)).toMatchObject({ start: '2026-03-02', orders: 2 });
      expect(summary.weeks[0]?.start).toBe('2026-01-12');
    });
  });
});

describe('how figures read', () => {
  it.each([
    [123456, '₹1,23,456'],
    [1234.5, '₹1,234.50'],
    [0, '₹0'],
    [10000000, '₹1,00,00,000'],
  ])('reads %s rupees as %s', (amount, text) => {
    expect(formatRupees(amount)).toBe(text);
  });

  it.each([
    [0, '₹0'],
    [950, '₹950'],
    [999.6, '₹1k'],
    [1000, '₹1k'],
    [1200, '₹1.2k'],
    [12345, '₹12k'],
    [99960, '₹1L'],
    [340000, '₹3.4L'],
    [1250000, '₹13L'],
    [12000000, '₹1.2Cr'],
    [2500000000, '₹250Cr'],
  ])('shortens %s rupees to %s on an axis', (amount, text) => {
    expect(formatShortRupees(amount)).toBe(text);
  });

  it('groups counts the Indian way', () => {
    expect(formatCount(123456)).toBe('1,23,456');
  });

  it.each([
    ['2026-03-02', '2 Mar', '2 Mar 2026', 'Mon, 2 Mar'],
    ['2025-12-29', '29 Dec', '29 Dec 2025', 'Mon, 29 Dec'],
  ])('reads the day %s as %s, %s and %s', (day, short, medium, long) => {
    expect(formatShortDay(day)).toBe(short);
    expect(formatDay(day)).toBe(medium);
    expect(formatLongDay(day)).toBe(long);
  });

  it.each([
    [0, true, [0, 1]],
    [3, true, [0, 1, 2, 3]],
    [7, true, [0, 2, 4, 6, 8]],
    [40, true, [0, 10, 20, 30, 40]],
    [12345, false, [0, 5000, 10000, 15000]],
    [800, false, [0, 200, 400, 600, 800]],
  ])('puts round ticks on an axis up to %s (whole: %s)', (max, whole, ticks) => {
    expect(toAxisTicks(max, whole)).toEqual(ticks);
  });
});
