/**
 * Pure: every write that places a shopper's order, for one unit of work: the order, each
 * product's stock taken (with the state it was computed from, for compare-and-set) and the
 * payment; or, when the catalogue cannot serve it, the order alone, stored as `rejected` with a
 * reason the shopper can read, taking nothing. Never half: the unit commits whole or not at all,
 * and when a product moved meanwhile the caller reads again and plans again.
 */
import type { Order, Payment, Product } from '@oa/schema';
import { paymentIdOf } from '../payments/payment-id';
import { cashOnDelivery } from '../payments/payment-provider';
import { applyStockChange } from '../stock/apply-stock-change';
import { buildOrder, type BuildOrderInput, type OrderRefusalCode, type OrderRejectionCode } from './build-order';

/** A stored product and the sequence its state was read at. */
export interface StoredProduct {
  readonly seq: number;
  readonly product: Product;
}

/** A product's new state and the sequence it was computed from. */
export interface ProductWrite {
  readonly productId: string;
  readonly expectedSeq: number;
  readonly product: Product;
}

export interface OrderPlacementInput extends Omit<BuildOrderInput, 'products'> {
  readonly products: readonly StoredProduct[];
}

export type OrderPlacement =
  | { readonly ok: false; readonly code: OrderRefusalCode; readonly reason: string }
  | {
      readonly ok: true;
      readonly order: Order;
      readonly stock: readonly ProductWrite[];
      readonly payment: Payment | null;
      /** Why the order is stored as `rejected`; null when it is placed. */
      readonly rejection: OrderRejectionCode | null;
    };

export function planOrderPlacement(input: OrderPlacementInput): OrderPlacement {
  // Pricing checks stock with the same rule as taking it (a legacy stock that is not a whole
  // number of units counts as none left), so a placed order can always take what it priced.
  const products = input.products.map(({ product }) => ({ ...product, stock: unitsLeft(product.stock) }));
  const built = buildOrder({ ...input, products });
  if (!built.ok) return { ok: false, code: built.code, reason: built.reason };
  if (built.order.status !== 'pending') return { ok: true, order: built.order, stock: [], payment: null, rejection: built.rejection?.code ?? null };

  const stored = new Map(input.products.map((entry) => [entry.product.id, entry]));
  const stock = built.stockChanges.map(({ productId, quantity }): ProductWrite => {
    const entry = stored.get(productId);
    const taken = entry && applyStockChange(entry.product, -quantity);
    // Unreachable: pricing found this product with at least this many units under the same rule.
    if (!entry || !taken?.ok) throw new Error(`pricing and stock disagree on ${productId}`);
    return { productId, expectedSeq: entry.seq, product: taken.product };
  });
  const payment = cashOnDelivery.createPayment(built.order, { id: paymentIdOf(built.order.id), now: input.now });
  return { ok: true, order: built.order, stock, payment, rejection: null };
}

function unitsLeft(stock: unknown): number {
  return typeof stock === 'number' && Number.isInteger(stock) && stock > 0 ? stock : 0;
}
