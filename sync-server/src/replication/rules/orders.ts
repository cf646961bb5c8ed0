/**
 * Order rules on push. A shopper's new order is priced from the stored catalogue (buildOrder),
 * written first, then its stock is taken product by product with compare-and-set; if any product
 * runs out meanwhile, what was taken is given back and the order becomes `rejected` with a reason
 * the shopper can read. The order's id is the client's, so a replayed push finds the order and is
 * answered with it: never a second order, never stock taken twice. Admins move the status
 * through the state machine; cancelling returns the stock and voids the payment.
 */
import { forbiddenChanges, omitSecrets, type Order, type Product } from '@oa/schema';
import { buildOrder } from '../../domain/orders/build-order';
import { formatOrderNumber } from '../../domain/orders/order-number';
import { transitionOrder } from '../../domain/orders/order-status';
import { cashOnDelivery } from '../../domain/payments/payment-provider';
import { authoritativeState } from '../../policy/caller-view';
import type { StoredDocument, StoredRow } from '../../storage/port';
import type { CollectionRules, RowOutcome, RuleContext } from '../push';
import type { PushRow } from '../push-rows';
import { adjustStock } from './adjust-stock';

// A payment's id is its order's: payments are their own collection, so one order has exactly one
// payment id and no two orders share one. (Earlier builds used `pay-<order id>` cut to 64
// characters, which two long order ids could share; those payments are still found, by the id and
// their `orderId`.)
const paymentIdOf = (orderId: string): string => orderId;
const earlierPaymentIdOf = (orderId: string): string => `pay-${orderId}`.slice(0, 64);

export function createOrderRules(random: () => number = Math.random): CollectionRules {
  return {
    async handleRow(context, row, stored) {
      const { caller } = context;
      if (stored && !stored.doc._deleted) {
        if (caller.role !== 'admin') return refused(context, row.id, stored, 'FORBIDDEN', 'Orders cannot be changed once placed; ask the shop to cancel it');
        return changeStatus(context, row, stored);
      }
      if (caller.role !== 'customer') return refused(context, row.id, stored, 'FORBIDDEN', 'Only shoppers place orders');
      if (row.incoming._deleted === true) return { kind: 'written' };
      return placeOrder(context, row, stored, random);
    },
  };
}

function refused(context: RuleContext, id: string, stored: StoredRow | undefined, code: string, message: string): RowOutcome {
  return { kind: 'refused', code, message, state: authoritativeState('orders', context.caller, id, stored?.doc) };
}

async function placeOrder(context: RuleContext, row: PushRow, stored: StoredRow | undefined, random: () => number): Promise<RowOutcome> {
  const { storage, caller } = context;
  const incoming = row.incoming;
  const requested = Array.isArray(incoming.items) ? incoming.items : Array.isArray(incoming.products) ? incoming.products : [];
  const items = requested.slice(0, 100).map((line) => {
    const fields = (typeof line === 'object' && line !== null ? line : {}) as Record<string, unknown>;
    return { productId: String(fields.productId ?? fields.product ?? ''), quantity: Number(fields.quantity) };
  });
  const productIds = [...new Set(items.map((item) => item.productId))].filter(Boolean).slice(0, 50);
  const products = (await storage.readByIds('products', productIds)).map((r) => r.doc as unknown as Product);
  const now = context.now();

  for (let attempt = 0; attempt < 3; attempt++) {
    const built = buildOrder({
      id: row.id,
      caller: caller.id,
      input: {
        items,
        shippingAddress: incoming.shippingAddress,
        paymentMethod: incoming.paymentMethod,
        notes: incoming.notes,
      },
      products,
      now: now.toISOString(),
      orderNumber: formatOrderNumber(now, random),
    });
    if (!built.ok) return refused(context, row.id, stored, built.code, built.reason);
    const order = built.order;
    const [result] = await storage.write('orders', [{ id: row.id, expectedSeq: stored?.seq ?? null, doc: order }]);
    if (result?.kind === 'duplicate') continue; // an order number already taken: draw another
    if (result?.kind === 'conflict') return { kind: 'conflict', state: authoritativeState('orders', caller, row.id, result.current?.doc) };
    if (result?.kind !== 'written') break;
    if (order.status === 'pending') await takeStock(context, result.row, order);
    return { kind: 'written' };
  }
  return refused(context, row.id, stored, 'ORDER_NOT_PLACED', 'The order could not be placed just now; try again');
}

/** Takes every line's stock; on a shortage gives back what was taken and rejects the order. */
async function takeStock(context: RuleContext, written: StoredRow, order: Order): Promise<void> {
  const { storage } = context;
  const taken: Array<{ productId: string; quantity: number }> = [];
  for (const line of order.items) {
    const result = await adjustStock(storage, line.productId, -line.quantity);
    if (result.ok) {
      taken.push({ productId: line.productId, quantity: line.quantity });
      continue;
    }
    for (const back of taken) await adjustStock(storage, back.productId, back.quantity);
    const reason =
      result.available > 0
        ? `Only ${result.available} of ${line.name} left; lower the quantity or remove it`
        : `${line.name} is out of stock; remove it to place the order`;
    const at = context.now().toISOString();
    const rejected: Order = {
      ...order,
      status: 'rejected',
      paymentStatus: 'void',
      rejectionReason: reason,
      statusHistory: [...order.statusHistory, { status: 'rejected', at, by: 'system' }],
    };
    await storage.write('orders', [{ id: order.id, expectedSeq: written.seq, doc: rejected }]);
    return;
  }
  const payment = cashOnDelivery.createPayment(order, { id: paymentIdOf(order.id), now: context.now().toISOString() });
  await storage.write('payments', [{ id: payment.id, expectedSeq: null, doc: payment }]);
}

async function changeStatus(context: RuleContext, row: PushRow, stored: StoredRow): Promise<RowOutcome> {
  const { storage, caller } = context;
  const current = stored.doc as unknown as Order;
  const forbidden = forbiddenChanges('orders', caller.role, omitSecrets('orders', stored.doc), row.incoming);
  if (forbidden.length > 0) {
    return refused(context, row.id, stored, 'FIELD_NOT_WRITABLE', `Admins may change only the status and its note, not ${forbidden.join(', ')}`);
  }
  if (row.incoming._deleted === true) return refused(context, row.id, stored, 'FORBIDDEN', 'Orders are never deleted; cancel it instead');
  const note = typeof row.incoming.statusNote === 'string' ? row.incoming.statusNote : undefined;
  const moved = transitionOrder(current, {
    to: row.incoming.status as Order['status'],
    ...(note !== undefined ? { note } : {}),
    by: 'admin',
    at: context.now().toISOString(),
  });
  if (!moved.ok) return refused(context, row.id, stored, moved.code, moved.reason);
  // A replayed status change: nothing to write, no effects to apply twice.
  if (!moved.changed) return { kind: 'written' };
  const [result] = await storage.write('orders', [{ id: row.id, expectedSeq: stored.seq, doc: moved.order }]);
  if (result?.kind === 'conflict') return { kind: 'conflict', state: authoritativeState('orders', caller, row.id, result.current?.doc) };
  if (result?.kind !== 'written') return refused(context, row.id, stored, 'ORDER_NOT_UPDATED', 'The order could not be updated just now; try again');
  for (const effect of moved.effects) {
    if (effect.kind === 'restoreStock') await adjustStock(storage, effect.productId, effect.quantity);
    if (effect.kind === 'voidPayment') await voidPayment(context, current.id);
  }
  return { kind: 'written' };
}

async function voidPayment(context: RuleContext, orderId: string): Promise<void> {
  const candidates = await context.storage.readByIds('payments', [paymentIdOf(orderId), earlierPaymentIdOf(orderId)]);
  // The one recorded for this very order: an earlier build's cut id may name another order's.
  const payment = candidates.find((row) => row.doc.orderId === orderId);
  if (!payment || payment.doc._deleted) return;
  const voided = cashOnDelivery.voidPayment(payment.doc as never, context.now().toISOString()) as unknown as StoredDocument;
  await context.storage.write('payments', [{ id: payment.doc.id, expectedSeq: payment.seq, doc: voided }]);
}
