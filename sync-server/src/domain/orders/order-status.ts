/**
 * Applying the order status state machine (its table and predicates are shared with the apps in
 * @oa/schema's order-transitions.ts): one function that moves an order, records the step and
 * returns its effects (stock to give back, a payment to void) as data for the caller. Who may
 * ask for which move (a shopper: only cancelling a pending order) is the caller's check.
 * `rejected` is only ever set when an order is built (build-order.ts), never by a transition.
 */
import { canTransitionOrder, isOrderStatus, isTerminalOrderStatus, orderSchema, orderStatuses, orderTransitions, type Order, type OrderStatus } from '@oa/schema';

/** The most status-history entries an order keeps (the schema's limit). */
export const maxStatusHistory = 50;
const maxNoteLength = orderSchema.shape.statusNote.unwrap().maxLength ?? 500;

export interface OrderTransition {
  readonly to: OrderStatus;
  /** The `statusNote` the order ends with; absent clears it (a note belongs to one status). */
  readonly note?: string | undefined;
  readonly by: 'admin' | 'customer' | 'system';
  /** ISO instant of the change, from the caller's clock. */
  readonly at: string;
}

export type OrderEffect =
  | { readonly kind: 'restoreStock'; readonly productId: string; readonly quantity: number }
  | { readonly kind: 'voidPayment' };

export type TransitionOrderResult<O extends TransitionableOrder = Order> =
  | {
      readonly ok: true;
      readonly order: O;
      /** False when the order came back as it was (a replay): nothing to write. */
      readonly changed: boolean;
      readonly effects: OrderEffect[];
    }
  /** INVALID_TRANSITION: the state machine forbids it. NOTE_TOO_LONG: the note exceeds the schema's 500 characters. */
  | { readonly ok: false; readonly code: 'INVALID_TRANSITION' | 'NOTE_TOO_LONG'; readonly reason: string };

export type TransitionableOrder = Pick<Order, 'orderId' | 'status' | 'statusHistory' | 'items' | 'paymentStatus'> &
  Partial<Pick<Order, 'statusNote'>>;

/**
 * Moves an order to `to`. The same status again is a replay: no new history entry and no
 * effects, only the note updated if it differs (an admin adding a tracking number to a shipped
 * order). Cancelling returns every line's stock and voids the payment; `updatedAt` is left to
 * the storage, which sets it on every write.
 */
export function transitionOrder<O extends TransitionableOrder>(order: O, change: OrderTransition): TransitionOrderResult<O> {
  const note = normalizeNote(change.note);
  if (note !== undefined && note.length > maxNoteLength) {
    return { ok: false, code: 'NOTE_TOO_LONG', reason: `A status note can be at most ${maxNoteLength} characters; shorten it.` };
  }
  if (order.status === change.to) {
    if (note === normalizeNote(order.statusNote)) return { ok: true, order, changed: false, effects: [] };
    return { ok: true, order: withNote(order, note), changed: true, effects: [] };
  }
  if (!canTransitionOrder(order.status, change.to)) {
    return { ok: false, code: 'INVALID_TRANSITION', reason: describeRefusal(order, change.to) };
  }

  const entry = { status: change.to, at: change.at, by: change.by, ...(note === undefined ? {} : { note }) };
  const moved: O = {
    ...withNote(order, note),
    status: change.to,
    statusHistory: capHistory([...order.statusHistory, entry]),
  };
  if (change.to !== 'cancelled') return { ok: true, order: moved, changed: true, effects: [] };

  // Cancelling: the stock taken at placing goes back, and money not yet taken never will be. Money
  // already taken stays `paid` (on the order as on the payment) until an admin records the refund.
  const effects: OrderEffect[] = [
    ...order.items.map(({ productId, quantity }) => ({ kind: 'restoreStock' as const, productId, quantity })),
    { kind: 'voidPayment' },
  ];
  const unpaid = order.paymentStatus === 'pending' || order.paymentStatus === 'failed';
  return { ok: true, order: unpaid ? { ...moved, paymentStatus: 'void' } : moved, changed: true, effects };
}

function normalizeNote(note: string | undefined): string | undefined {
  const trimmed = note?.trim();
  return trimmed ? trimmed : undefined;
}

function withNote<O extends TransitionableOrder>(order: O, note: string | undefined): O {
  const { statusNote: _previous, ...rest } = order;
  return (note === undefined ? rest : { ...rest, statusNote: note }) as O;
}

/** Keeps the first entry (when the order was placed) and the latest ones. */
function capHistory<T>(history: readonly T[]): T[] {
  if (history.length <= maxStatusHistory) return [...history];
  return [...history.slice(0, 1), ...history.slice(history.length - (maxStatusHistory - 1))];
}

function describeRefusal(order: TransitionableOrder, to: OrderStatus): string {
  const { orderId, status } = order;
  // Only a string is quoted back: another value (an array nested thousands deep) is never converted.
  const asked: unknown = to;
  if (!isOrderStatus(asked)) return `${typeof asked === 'string' ? `"${asked.slice(0, 40)}"` : 'That value'} is not an order status; use one of ${orderStatuses.join(', ')}.`;
  if (!isOrderStatus(status)) return `Order ${orderId} has an unknown status and cannot be moved.`;
  if (isTerminalOrderStatus(status)) return `Order ${orderId} is ${status}; its status can no longer change.`;
  if (to === 'cancelled') return `Order ${orderId} has already ${status} and can no longer be cancelled.`;
  const next = orderTransitions[status];
  return `Order ${orderId} is ${status}; it can move only to ${next.join(' or ')}, not to ${to}.`;
}
