/**
 * Order rules on push, each one unit of work (storage `commit`), planned by a pure function. A
 * shopper's new order is priced from the stored catalogue and placed with its stock and payment
 * together (planOrderPlacement), or stored alone as `rejected` with a reason the shopper can read;
 * when a product moved meanwhile, it is read and planned again. The order's id is the client's, so
 * a replayed push finds the order and is answered with it: never a second order, never stock
 * taken twice. Admins move the status through the state machine and record the payment (cash
 * collected, refunded: recordPayment); a shopper may cancel their own order while it is pending.
 * A cancellation returns the stock and voids the payment in the same unit (planStatusEffects).
 */
import { canShopperTransitionOrder, forbiddenChanges, omitSecrets, type DeliveryRule, type Order, type Payment, type Product } from '@oa/schema';
import { formatOrderNumber } from '../../domain/orders/order-number';
import { transitionOrder } from '../../domain/orders/order-status';
import { planOrderPlacement } from '../../domain/orders/plan-order-placement';
import { planStatusEffects } from '../../domain/orders/plan-status-effects';
import { paymentIdsOf } from '../../domain/payments/payment-id';
import { recordPayment } from '../../domain/payments/record-payment';
import { isProductAvailable } from '../../domain/products/is-product-available';
import { authoritativeState } from '../../policy/caller-view';
import type { StoredRow } from '../../storage/port';
import type { CollectionRules, RowOutcome, RuleContext } from '../push';
import type { PushRow } from '../push-rows';
import { readOrderLines } from './read-order-lines';
import { toProductWrites } from './to-product-writes';

/** What became of a shopper's new order: placed, or not, with the code the shopper was given. */
export type OrderOutcome = { readonly kind: 'placed' } | { readonly kind: 'rejected'; readonly code: string };

export interface OrderRuleOptions {
  /** Draws order numbers; replaceable so tests get known ones. */
  readonly random?: () => number;
  /** Told what became of each new order a shopper pushed (the metrics count them). */
  readonly onOrder?: (outcome: OrderOutcome) => void;
}

export function createOrderRules(delivery: DeliveryRule, options: OrderRuleOptions = {}): CollectionRules {
  const random = options.random ?? Math.random;
  const onOrder = options.onOrder ?? (() => undefined);
  return {
    async handleRow(context, row, stored) {
      const { caller } = context;
      // A stored order reaches here only when the caller may see it: a shopper's own (push.ts
      // answers another account's as one that does not exist), or any order for an admin.
      if (stored && !stored.doc._deleted) return changeOrder(context, row, stored);
      if (caller.role !== 'customer') return refused(context, row.id, stored, 'FORBIDDEN', 'Only shoppers place orders');
      if (row.incoming._deleted === true) return { kind: 'written' };
      const outcome = await placeOrder(context, row, stored, random, delivery);
      if (outcome.placed) onOrder(outcome.placed);
      return outcome.answer;
    },
  };
}

function refused(context: RuleContext, id: string, stored: StoredRow | undefined, code: string, message: string): RowOutcome {
  return { kind: 'refused', code, message, state: authoritativeState('orders', context.caller, id, stored?.doc) };
}

/** How often a placement or a status change is planned again after a product or payment moved. */
const maxPlans = 100;

/** A placement's answer to the push, and what became of the order (none for a replay). */
interface Placement {
  readonly answer: RowOutcome;
  readonly placed?: OrderOutcome;
}

async function placeOrder(context: RuleContext, row: PushRow, stored: StoredRow | undefined, random: () => number, delivery: DeliveryRule): Promise<Placement> {
  const { storage, caller } = context;
  const incoming = row.incoming;
  const notPlaced = (code: string, reason: string): Placement => ({ answer: refused(context, row.id, stored, code, reason), placed: { kind: 'rejected', code } });
  const read = readOrderLines(incoming);
  if (!read.ok) return notPlaced('VALIDATION_FAILED', read.reason);
  const items = read.lines;
  const productIds = [...new Set(items.map((item) => item.productId))].filter(Boolean).slice(0, 50);

  // Read, plan the whole placement (or the rejection), commit it as one unit; when a product moved
  // meanwhile (another order took its stock), read again and plan again. Nothing is ever half
  // placed: the order, its stock and its payment are there together, or not at all.
  for (let plan = 0; plan < maxPlans; plan++) {
    // Only what the shop shows: an inactive or deleted product is answered exactly as one that
    // does not exist, so a rejected order or its reason never reveals an unreleased product.
    const products = (await storage.readByIds('products', productIds))
      .filter((r) => isProductAvailable(r.doc as unknown as Product))
      .map((r) => ({ seq: r.seq, product: r.doc as unknown as Product }));
    const now = context.now();
    const placement = planOrderPlacement({
      id: row.id,
      caller: caller.id,
      input: { items, shippingAddress: incoming.shippingAddress, paymentMethod: incoming.paymentMethod, notes: incoming.notes },
      products,
      delivery,
      now: now.toISOString(),
      orderNumber: formatOrderNumber(now, random),
    });
    if (!placement.ok) return notPlaced(placement.code, placement.reason);
    const result = await storage.commit([
      { collection: 'orders', id: row.id, expectedSeq: stored?.seq ?? null, doc: placement.order },
      ...toProductWrites(placement.stock),
      ...(placement.payment ? [{ collection: 'payments' as const, id: placement.payment.id, expectedSeq: null, doc: placement.payment }] : []),
    ]);
    if (result.kind === 'committed') {
      // Stored either way; a rejected one (out of stock, say) with the reason the shopper reads.
      return { answer: { kind: 'written' }, placed: placement.rejection ? { kind: 'rejected', code: placement.rejection } : { kind: 'placed' } };
    }
    // The order exists (a replayed push, or another device's): answered with it, nothing taken.
    if (result.kind === 'moved' && result.collection === 'orders') return { answer: { kind: 'conflict', state: authoritativeState('orders', caller, row.id, result.current?.doc) } };
    // A product's stock moved: plan again from what is there now. An order number taken: draw another.
    if (result.kind === 'moved' && result.collection === 'products') continue;
    if (result.kind === 'duplicate' && result.collection === 'orders') continue;
    break; // a payment already under this order's id, or a unique value refused elsewhere: say so
  }
  return notPlaced('ORDER_NOT_PLACED', 'The order could not be placed just now; try again');
}

async function changeOrder(context: RuleContext, row: PushRow, stored: StoredRow): Promise<RowOutcome> {
  const { storage, caller } = context;
  const current = stored.doc as unknown as Order;
  const shopper = caller.role === 'customer';
  const forbidden = forbiddenChanges('orders', caller.role, omitSecrets('orders', stored.doc), row.incoming);
  if (forbidden.length > 0) {
    const message = shopper
      ? 'An order cannot be changed once placed; you can cancel it while it is still pending'
      : `Admins may change only the status, its note and the payment, not ${forbidden.join(', ')}`;
    return refused(context, row.id, stored, shopper ? 'FORBIDDEN' : 'FIELD_NOT_WRITABLE', message);
  }
  if (row.incoming._deleted === true) return refused(context, row.id, stored, 'FORBIDDEN', 'Orders are never deleted; cancel it instead');
  const to = row.incoming.status as Order['status'];
  // A shopper's one move: cancelling their own order before the shop has acted on it.
  if (shopper && to !== current.status && !canShopperTransitionOrder(current.status, to)) {
    const message =
      to === 'cancelled'
        ? `Order ${current.orderId} has already been ${current.status} by the shop and can no longer be cancelled here; ask the shop to cancel it.`
        : 'You can cancel an order while it is pending; every other change is the shop\'s.';
    return refused(context, row.id, stored, to === 'cancelled' ? 'INVALID_TRANSITION' : 'FORBIDDEN', message);
  }
  const note = !shopper && typeof row.incoming.statusNote === 'string' ? row.incoming.statusNote : undefined;
  const at = context.now().toISOString();
  const moved = transitionOrder(current, { to, ...(note !== undefined ? { note } : {}), by: shopper ? 'customer' : 'admin', at });
  if (!moved.ok) return refused(context, row.id, stored, moved.code, moved.reason);
  // A payment recorded by an admin (cash collected, a refund): asked for when the pushed payment
  // status differs from the stored one (shoppers cannot write it: the policy check above).
  const paymentAsked = row.incoming.paymentStatus !== current.paymentStatus ? (row.incoming.paymentStatus as Order['paymentStatus']) : undefined;
  // A replayed change: nothing to write, no effects to apply twice.
  if (!moved.changed && paymentAsked === undefined) return { kind: 'written' };

  // The order's new state and its effects (a cancellation's stock back, its payment voided; a
  // payment recorded) are one unit: planned from what is stored now, committed together, planned
  // again if a product or the payment moved meanwhile.
  const productIds = moved.effects.flatMap((effect) => (effect.kind === 'restoreStock' ? [effect.productId] : []));
  const needsPayment = paymentAsked !== undefined || moved.effects.some((effect) => effect.kind === 'voidPayment');
  for (let plan = 0; plan < maxPlans; plan++) {
    const [products, payment] = await Promise.all([
      productIds.length > 0 ? storage.readByIds('products', [...new Set(productIds)]) : Promise.resolve([]),
      needsPayment ? findPayment(context, current.id) : Promise.resolve(undefined),
    ]);
    const effects = planStatusEffects({
      effects: moved.effects,
      products: products.map((r) => ({ seq: r.seq, product: r.doc as unknown as Product })),
      payment: payment ? { seq: payment.seq, payment: payment.doc as unknown as Payment } : null,
      now: at,
    });
    let order = moved.order;
    let paymentWrite = effects.payment;
    if (paymentAsked !== undefined) {
      const recorded = recordPayment(order, (payment?.doc as unknown as Payment | undefined) ?? null, { to: paymentAsked, by: caller.id, at });
      if (!recorded.ok) return refused(context, row.id, stored, recorded.code, recorded.reason);
      order = recorded.order;
      paymentWrite = { expectedSeq: payment!.seq, payment: recorded.payment };
    }
    const result = await storage.commit([
      { collection: 'orders', id: row.id, expectedSeq: stored.seq, doc: order },
      ...toProductWrites(effects.stock),
      ...(paymentWrite ? [{ collection: 'payments' as const, id: paymentWrite.payment.id, expectedSeq: paymentWrite.expectedSeq, doc: paymentWrite.payment }] : []),
    ]);
    if (result.kind === 'committed') return { kind: 'written' };
    // Someone else moved the order first (another admin, or the shopper and the shop at once):
    // their state wins and is answered.
    if (result.kind === 'moved' && result.collection === 'orders') return { kind: 'conflict', state: authoritativeState('orders', caller, row.id, result.current?.doc) };
    if (result.kind === 'moved') continue;
    break;
  }
  return refused(context, row.id, stored, 'ORDER_NOT_UPDATED', 'The order could not be updated just now; try again');
}

/** The order's payment, wherever it is stored (payment-id.ts). */
async function findPayment(context: RuleContext, orderId: string): Promise<StoredRow | undefined> {
  const candidates = await context.storage.readByIds('payments', paymentIdsOf(orderId));
  // The one recorded for this very order: an earlier build's cut id may name another order's.
  return candidates.find((row) => row.doc.orderId === orderId);
}
