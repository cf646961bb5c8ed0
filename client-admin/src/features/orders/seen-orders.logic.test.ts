/**
 * Which orders count as new: "mark seen" on the list, opening an order one by one, the stored
 * form (old and new), as tables of what the admin did and what the "N new" count then says.
 */
import { describe, expect, it } from 'vitest';
import { countNewOrders, isNewOrder, markAllSeen, markOrderSeen, noneSeen, parseSeenOrders, toStoredSeenOrders, type SeenOrders } from './seen-orders.logic';

const at = (hour: number) => `2026-03-01T${String(hour).padStart(2, '0')}:00:00.000Z`;
const orders = [
  { id: 'a', createdAt: at(9), _deleted: false, status: 'pending' },
  { id: 'b', createdAt: at(10), _deleted: false, status: 'pending' },
  { id: 'c', createdAt: at(11), _deleted: false, status: 'pending' },
  { id: 'twin', createdAt: at(11), _deleted: false, status: 'pending' },
  { id: 'gone', createdAt: at(12), _deleted: true, status: 'pending' },
] as const;

/** What the admin did, in turn: open an order by id, or '*' for "mark seen" on the list. */
function afterActions(actions: readonly string[], start: SeenOrders = noneSeen): SeenOrders {
  return actions.reduce((seen, action) => (action === '*' ? markAllSeen(orders, seen) : markOrderSeen(orders, seen, action)), start);
}
const newIds = (seen: SeenOrders) => orders.filter((order) => isNewOrder(order, seen)).map((order) => order.id);

describe('which orders are new', () => {
  it.each<[string, string[], string[], SeenOrders]>([
    ['every live order on a first look', [], ['a', 'b', 'c', 'twin'], { ids: [] }],
    ['none after “mark seen”', ['*'], [], { until: at(12), ids: [] }],
    ['all but an order opened out of turn', ['c'], ['a', 'b', 'twin'], { ids: ['c'] }],
    ['all but the oldest once it is opened, stored as a time', ['a'], ['b', 'c', 'twin'], { until: at(9), ids: [] }],
    ['the rest once orders are opened in any order', ['b', 'a'], ['c', 'twin'], { until: at(10), ids: [] }],
    ['an order placed in the same millisecond as an opened one', ['a', 'b', 'c'], ['twin'], { until: at(10), ids: ['c'] }],
    ['none once every order is opened one by one', ['c', 'a', 'twin', 'b'], [], { until: at(11), ids: [] }],
    ['none after opening an order already seen', ['*', 'b'], [], { until: at(12), ids: [] }],
    ['the same after opening an order not synced here', ['missing'], ['a', 'b', 'c', 'twin'], { ids: [] }],
    ['none after “mark seen” following orders opened one by one', ['c', '*'], [], { until: at(12), ids: [] }],
  ])('counts %s', (_case, actions, expectedNew, expectedSeen) => {
    const seen = afterActions(actions);
    expect(newIds(seen)).toEqual(expectedNew);
    expect(countNewOrders(orders, seen)).toBe(expectedNew.length);
    expect(seen).toEqual(expectedSeen);
  });

  it('counts an order placed after “mark seen” until it is opened', () => {
    const seen = markAllSeen(orders.slice(0, 2), noneSeen);
    expect(newIds(seen)).toEqual(['c', 'twin']);
    expect(newIds(markOrderSeen(orders, seen, 'twin'))).toEqual(['c']);
  });

  it('counts only orders still waiting for the shop: one confirmed or cancelled, here or elsewhere, is not new even on a first look', () => {
    const handled = [
      ...orders,
      { id: 'confirmed', createdAt: at(13), _deleted: false, status: 'confirmed' },
      { id: 'cancelled', createdAt: at(14), _deleted: false, status: 'cancelled' },
      { id: 'late', createdAt: at(15), _deleted: false, status: 'pending' },
    ] as const;
    expect(handled.filter((order) => isNewOrder(order, noneSeen)).map((order) => order.id)).toEqual(['a', 'b', 'c', 'twin', 'late']);
    expect(countNewOrders(handled, noneSeen)).toBe(5);
    // Handled orders never hold the stored time back: opening the pending ones in turn folds into one time.
    const opened = ['a', 'b', 'c', 'twin', 'late'].reduce((seen, id) => markOrderSeen(handled, seen, id), noneSeen);
    expect(opened).toEqual({ until: at(15), ids: [] });
  });

  it('gives back the same value when opening changes nothing, so nothing is written', () => {
    const seen = afterActions(['*']);
    expect(markOrderSeen(orders, seen, 'a')).toBe(seen);
    expect(markOrderSeen(orders, seen, 'missing')).toBe(seen);
  });

  it('keeps the time when there are no orders to mark seen', () => {
    expect(markAllSeen([], { until: at(8), ids: ['x'] })).toEqual({ until: at(8), ids: [] });
    expect(markAllSeen([], noneSeen)).toEqual({ until: undefined, ids: [] });
  });
});

describe('the stored form', () => {
  it.each<[string, string | null, SeenOrders]>([
    ['nothing stored yet', null, noneSeen],
    ['the bare time stored before orders could be seen one by one', at(9), { until: at(9), ids: [] }],
    ['the time and ids', JSON.stringify({ until: at(9), ids: ['c'] }), { until: at(9), ids: ['c'] }],
    ['ids without a time', JSON.stringify({ ids: ['c'] }), { until: undefined, ids: ['c'] }],
    ['ids of the wrong type, dropped', JSON.stringify({ until: 7, ids: ['c', 3] }), { until: undefined, ids: ['c'] }],
    ['broken JSON, as nothing seen', '{"until":', noneSeen],
    ['an empty object, as nothing seen', '{}', { until: undefined, ids: [] }],
  ])('reads %s', (_case, stored, expected) => {
    expect(parseSeenOrders(stored)).toEqual(expected);
  });

  it('reads back what it stores', () => {
    const seen = { until: at(10), ids: ['c'] };
    expect(parseSeenOrders(toStoredSeenOrders(seen))).toEqual(seen);
    expect(parseSeenOrders(toStoredSeenOrders(noneSeen))).toEqual({ until: undefined, ids: [] });
  });
});
