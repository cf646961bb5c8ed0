/**
 * Takes units from (negative delta) or returns units to (positive delta) one product's stock,
 * keeping `stock` and its legacy twin `totalStock` equal. Never below zero, whole units only.
 * Pure: the caller reads the product and writes the result with compare-and-set, so two orders
 * racing for the last units cannot both win.
 */
import { stockSchema, type Product } from '@oa/schema';

export type StockedProduct = Pick<Product, 'stock' | 'totalStock'>;

export type ApplyStockChangeResult<P> =
  | { readonly ok: true; readonly product: P }
  /** OUT_OF_STOCK: fewer units than asked for. BAD_QUANTITY: a delta that is not a whole number. STOCK_LIMIT: above the schema's maximum. */
  | { readonly ok: false; readonly code: 'OUT_OF_STOCK' | 'BAD_QUANTITY' | 'STOCK_LIMIT'; readonly available: number };

const maxStock = stockSchema.maxValue ?? 1_000_000;

export function applyStockChange<P extends StockedProduct>(product: P, delta: number): ApplyStockChangeResult<P> {
  // `stock` is the field the shop reads; the alias normaliser keeps totalStock equal on every save.
  // A legacy value that is not a whole number of units counts as none left.
  const available = Number.isInteger(product.stock) && product.stock > 0 ? product.stock : 0;
  if (!Number.isInteger(delta)) return { ok: false, code: 'BAD_QUANTITY', available };
  const next = available + delta;
  if (next < 0) return { ok: false, code: 'OUT_OF_STOCK', available };
  if (next > maxStock) return { ok: false, code: 'STOCK_LIMIT', available };
  return { ok: true, product: { ...product, stock: next, totalStock: next } };
}
