import { canTransitionOrder, isTerminalOrderStatus, orderStatuses, orderTransitions, sampleDocument, validateDocument, type Order, type OrderStatus } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { maxStatusHistory, transitionOrder } from './order-status';

const at = '2026-11-24T10:00:00.000Z';
const order = (overrides: Partial<Order> = {}): Order => sampleDocument('orders', overrides) as Order;

// The rules, restated independently of the table under test: one forward step at a time, and
// cancelling only before the parcel ships.
const forwardPath: OrderStatus[] = ['pending', 'confirmed', 'packed', 'shipped', 'delivered'];
const cancellableFrom: OrderStatus[] = ['pending', 'confirmed', 'packed'];
const isAllowed = (from: OrderStatus, to: OrderStatus): boolean =>
  (forwardPath.includes(from) && forwardPath[forwardPath.indexOf(from) + 1] === to) ||
  (to === 'cancelled' && cancellableFrom.includes(from));

const pairs = orderStatuses.flatMap((from) => orderStatuses.map((to) => [from, to] as const));

describe('transitionOrder', () => {
  it('covers all 49 pairs of the 7 statuses', () => {
    expect(pairs).toHaveLength(49);
  });

  describe.each(pairs)('from %s to %s', (from, to) => {
    const start = order({ status: from });
    const result = transitionOrder(start, { to, by: 'admin', at });

    if (from === to) {
      it('is a replay: ok, the same order, no effects', () => {
        expect(result).toEqual({ ok: true, order: start, changed: false, effects: [] });
      });
    } else if (isAllowed(from, to)) {
      it('moves the order and records the step', () => {
        if (!result.ok) throw new Error(result.reason);
        expect(result.changed).toBe(true);
        expect(result.order.status).toBe(to);
        expect(result.order.statusHistory).toEqual([...start.statusHistory, { status: to, at, by: 'admin' }]);
        expect(canTransitionOrder(from, to)).toBe(true);
        expect(validateDocument('orders', result.order)).toMatchObject({ ok: true });
      });
    } else {
      it('is refused as INVALID_TRANSITION naming the order', () => {
        if (result.ok) throw new Error('expected a refusal');
        expect(result.code).toBe('INVALID_TRANSITION');
        expect(result.reason).toContain(start.orderId);
        expect(canTransitionOrder(from, to)).toBe(false);
      });
    }
  });

  it.each(orderStatuses)('treats %s as terminal exactly when nothing may follow it', (status) => {
    const anyNext = orderStatuses.some((to) => to !== status && isAllowed(status, to));
    expect(isTerminalOrderStatus(status)).toBe(!anyNext);
    expect(orderTransitions[status].length === 0).toBe(!anyNext);
  });

  it('makes delivered, cancelled and rejected terminal', () => {
    for (const status of ['delivered', 'cancelled', 'rejected'] as const) expect(isTerminalOrderStatus(status)).toBe(true);
  });

  it('never leads into rejected: only building an order rejects it', () => {
    for (const from of orderStatuses) if (from !== 'rejected') expect(canTransitionOrder(from, 'rejected')).toBe(false);
  });

  describe('cancelling', () => {
    const items = [
      { productId: 'a', product: 'a', name: 'Alpha', price: 10, quantity: 2 },
      { productId: 'b', product: 'b', name: 'Beta', price: 20, quantity: 5 },
    ];
    const start = order({ status: 'confirmed', items, products: items });

    it('returns every line\'s stock and voids the payment', () => {
      const result = transitionOrder(start, { to: 'cancelled', by: 'admin', at });
      if (!result.ok) throw new Error(result.reason);
      expect(result.effects).toEqual([
        { kind: 'restoreStock', productId: 'a', quantity: 2 },
        { kind: 'restoreStock', productId: 'b', quantity: 5 },
        { kind: 'voidPayment' },
      ]);
      expect(result.order.paymentStatus).toBe('void');
    });

    it('keeps a paid order paid when it is cancelled, so the refund is still to be recorded', () => {
      const result = transitionOrder(order({ status: 'packed', paymentStatus: 'paid' }), { to: 'cancelled', by: 'admin', at });
      expect(result).toMatchObject({ ok: true, changed: true, order: { status: 'cancelled', paymentStatus: 'paid' } });
    });

    it("records a shopper's own cancellation as theirs", () => {
      const result = transitionOrder(order({ status: 'pending' }), { to: 'cancelled', by: 'customer', at });
      expect(result).toMatchObject({ ok: true, order: { status: 'cancelled', paymentStatus: 'void' } });
      if (result.ok) expect(result.order.statusHistory.at(-1)).toEqual({ status: 'cancelled', at, by: 'customer' });
    });

    it('is refused once shipped, with a reason saying so', () => {
      const result = transitionOrder(order({ status: 'shipped' }), { to: 'cancelled', by: 'admin', at });
      if (result.ok) throw new Error('expected a refusal');
      expect(result.reason).toMatch(/shipped/);
      expect(result.reason).toMatch(/cancel/);
    });

    it('has no effects when replayed on a cancelled order', () => {
      const cancelled = order({ status: 'cancelled', paymentStatus: 'void' });
      expect(transitionOrder(cancelled, { to: 'cancelled', by: 'admin', at })).toMatchObject({ ok: true, effects: [], changed: false });
    });
  });

  it.each([
    ['pending', 'confirmed'],
    ['confirmed', 'packed'],
    ['packed', 'shipped'],
    ['shipped', 'delivered'],
  ] as const)('moving %s → %s has no effects and leaves the payment status', (from, to) => {
    const result = transitionOrder(order({ status: from }), { to, by: 'system', at });
    if (!result.ok) throw new Error(result.reason);
    expect(result.effects).toEqual([]);
    expect(result.order.paymentStatus).toBe('pending');
    expect(result.order.statusHistory.at(-1)?.by).toBe('system');
  });

  describe('the status note', () => {
    it('sets the note and records it in the history', () => {
      const result = transitionOrder(order({ status: 'packed' }), { to: 'shipped', note: 'DTDC 1234', by: 'admin', at });
      if (!result.ok) throw new Error(result.reason);
      expect(result.order.statusNote).toBe('DTDC 1234');
      expect(result.order.statusHistory.at(-1)).toEqual({ status: 'shipped', at, by: 'admin', note: 'DTDC 1234' });
    });

    it('clears the previous status\'s note when the new step has none', () => {
      const result = transitionOrder(order({ status: 'confirmed', statusNote: 'Confirmed by phone' }), { to: 'packed', by: 'admin', at });
      if (!result.ok) throw new Error(result.reason);
      expect(result.order).not.toHaveProperty('statusNote');
    });

    it('treats a blank note as no note', () => {
      const result = transitionOrder(order({ status: 'pending' }), { to: 'confirmed', note: '   ', by: 'admin', at });
      if (!result.ok) throw new Error(result.reason);
      expect(result.order).not.toHaveProperty('statusNote');
      expect(result.order.statusHistory.at(-1)).not.toHaveProperty('note');
    });

    it('updates only the note when the status stays the same, without a history entry or effects', () => {
      const start = order({ status: 'shipped', statusNote: 'Dispatched' });
      const result = transitionOrder(start, { to: 'shipped', note: 'DTDC 1234', by: 'admin', at });
      if (!result.ok) throw new Error(result.reason);
      expect(result.changed).toBe(true);
      expect(result.order.statusNote).toBe('DTDC 1234');
      expect(result.order.statusHistory).toEqual(start.statusHistory);
      expect(result.effects).toEqual([]);
    });

    it('is a replay when the same status comes with the same note', () => {
      const start = order({ status: 'shipped', statusNote: 'DTDC 1234' });
      const result = transitionOrder(start, { to: 'shipped', note: 'DTDC 1234', by: 'admin', at });
      expect(result).toEqual({ ok: true, order: start, changed: false, effects: [] });
    });
  });

  it('refuses a note longer than the schema allows, before looking at the status', () => {
    const long = 'n'.repeat(501);
    expect(transitionOrder(order({ status: 'pending' }), { to: 'confirmed', note: long, by: 'admin', at })).toMatchObject({ ok: false, code: 'NOTE_TOO_LONG' });
    const fits = transitionOrder(order({ status: 'pending' }), { to: 'confirmed', note: 'n'.repeat(500), by: 'admin', at });
    if (!fits.ok) throw new Error(fits.reason);
    expect(validateDocument('orders', fits.order)).toMatchObject({ ok: true });
  });

  it('keeps the history within its limit, holding on to the first entry and the latest ones', () => {
    const placed = { status: 'pending' as const, at: '2026-11-01T00:00:00.000Z', by: 'customer' as const };
    const filler = Array.from({ length: maxStatusHistory - 1 }, (_, i) => ({
      status: 'confirmed' as const,
      at: new Date(Date.UTC(2026, 10, 2, 0, i)).toISOString(),
      by: 'admin' as const,
    }));
    const start = order({ status: 'confirmed', statusHistory: [placed, ...filler] });
    expect(start.statusHistory).toHaveLength(maxStatusHistory);
    const result = transitionOrder(start, { to: 'packed', by: 'admin', at });
    if (!result.ok) throw new Error(result.reason);
    expect(result.order.statusHistory).toHaveLength(maxStatusHistory);
    expect(result.order.statusHistory[0]).toEqual(placed);
    expect(result.order.statusHistory[1]).toEqual(filler[1]);
    expect(result.order.statusHistory.at(-1)).toEqual({ status: 'packed', at, by: 'admin' });
    expect(validateDocument('orders', result.order)).toMatchObject({ ok: true });
  });

  it('refuses a status that does not exist instead of failing', () => {
    const result = transitionOrder(order(), { to: 'teleported' as OrderStatus, by: 'admin', at });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  it('does not change the order it was given', () => {
    const start = order({ status: 'packed', statusNote: 'Packed' });
    const before = structuredClone(start);
    transitionOrder(start, { to: 'cancelled', note: 'Customer called', by: 'admin', at });
    expect(start).toEqual(before);
  });
});
