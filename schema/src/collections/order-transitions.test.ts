/** The shared order state machine: what may follow each status, restated as a table. */
import { describe, expect, it } from 'vitest';
import { canShopperCancelOrder, canShopperTransitionOrder, canTransitionOrder, isOrderStatus, isTerminalOrderStatus, nextOrderStatuses, orderTransitions } from './order-transitions';
import { orderStatuses, type OrderStatus } from './orders';

describe('nextOrderStatuses', () => {
  it.each([
    ['pending', ['confirmed', 'cancelled']],
    ['confirmed', ['packed', 'cancelled']],
    ['packed', ['shipped', 'cancelled']],
    ['shipped', ['delivered']],
    ['delivered', []],
    ['cancelled', []],
    ['rejected', []],
  ] as const)('offers %s → %j', (status, expected) => {
    expect(nextOrderStatuses(status)).toEqual(expected);
  });

  it('covers every status', () => {
    for (const status of orderStatuses) expect(Array.isArray(nextOrderStatuses(status))).toBe(true);
  });

  it('agrees with canTransitionOrder and isTerminalOrderStatus for every pair', () => {
    for (const from of orderStatuses) {
      const next = nextOrderStatuses(from);
      for (const to of orderStatuses) expect(canTransitionOrder(from, to)).toBe(next.includes(to));
      expect(isTerminalOrderStatus(from)).toBe(next.length === 0);
    }
  });

  it('offers nothing for a status that does not exist, instead of failing', () => {
    expect(nextOrderStatuses('teleported' as OrderStatus)).toEqual([]);
    expect(isOrderStatus('teleported')).toBe(false);
  });

  it('hands out a copy, so a caller cannot change the shared table', () => {
    nextOrderStatuses('pending').push('delivered');
    expect(orderTransitions.pending).toEqual(['confirmed', 'cancelled']);
  });
});

describe('canShopperTransitionOrder', () => {
  it.each(orderStatuses.map((status) => [status, status === 'pending'] as const))('a shopper may cancel a %s order: %s', (status, expected) => {
    expect(canShopperCancelOrder(status)).toBe(expected);
    expect(canShopperTransitionOrder(status, 'cancelled')).toBe(expected);
  });

  it('never lets a shopper move an order anywhere but cancelled, and only where the shop could too', () => {
    for (const from of orderStatuses) {
      for (const to of orderStatuses) {
        if (to !== 'cancelled') expect(canShopperTransitionOrder(from, to)).toBe(false);
        if (canShopperTransitionOrder(from, to)) expect(canTransitionOrder(from, to)).toBe(true);
      }
    }
  });
});
