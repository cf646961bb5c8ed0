/**
 * Pure: the writes an order's status change carries besides the order itself, for the same unit
 * of work: a cancelled order's stock given back to each product still in the catalogue, and its
 * payment voided while no money was taken. The caller reads the products and the payment, plans,
 * commits the order with these, and plans again when any of them moved meanwhile.
 */
import type { Payment } from '@oa/schema';
import { cashOnDelivery } from '../payments/payment-provider';
import { applyStockChange } from '../stock/apply-stock-change';
import type { OrderEffect } from './order-status';
import type { ProductWrite, StoredProduct } from './plan-order-placement';

export interface StatusEffectsInput {
  readonly effects: readonly OrderEffect[];
  /** The products the effects name, as stored now (deleted ones included or absent). */
  readonly products: readonly StoredProduct[];
  /** The order's payment as stored now, if there is one. */
  readonly payment: { readonly seq: number; readonly payment: Payment } | null;
  readonly now: string;
}

export interface StatusEffects {
  readonly stock: readonly ProductWrite[];
  readonly payment: { readonly expectedSeq: number; readonly payment: Payment } | null;
}

export function planStatusEffects({ effects, products, payment, now }: StatusEffectsInput): StatusEffects {
  const returned = new Map<string, number>();
  for (const effect of effects) {
    if (effect.kind === 'restoreStock') returned.set(effect.productId, (returned.get(effect.productId) ?? 0) + effect.quantity);
  }
  const stored = new Map(products.map((entry) => [entry.product.id, entry]));
  const stock = [...returned].flatMap(([productId, quantity]): ProductWrite[] => {
    const entry = stored.get(productId);
    // A product deleted since has no stock to return to; one past the stock limit keeps its stock
    // (the limit guards against typos, and a cancellation must still go through).
    if (!entry || entry.product._deleted) return [];
    const back = applyStockChange(entry.product, quantity);
    return back.ok ? [{ productId, expectedSeq: entry.seq, product: back.product }] : [];
  });
  const voids = effects.some((effect) => effect.kind === 'voidPayment') && payment !== null && !payment.payment._deleted;
  const voided = voids ? cashOnDelivery.voidPayment(payment.payment, now) : null;
  // A payment already paid or refunded comes back unchanged: nothing to write.
  return { stock, payment: voided && voided !== payment!.payment ? { expectedSeq: payment!.seq, payment: voided } : null };
}
