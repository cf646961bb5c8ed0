/**
 * Takes or returns units of one product's stock with compare-and-set, retrying on a lost race:
 * concurrent orders each see the stock the previous one left, so it never goes below zero.
 */
import type { Product } from '@oa/schema';
import { applyStockChange } from '../../domain/stock/apply-stock-change';
import { StorageError } from '../../storage/errors';
import type { Storage } from '../../storage/port';

const maxAttempts = 50;

export type StockAdjustment = { readonly ok: true } | { readonly ok: false; readonly available: number };

export async function adjustStock(storage: Storage, productId: string, delta: number): Promise<StockAdjustment> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const [row] = await storage.readByIds('products', [productId]);
    if (!row || row.doc._deleted) return { ok: false, available: 0 };
    const next = applyStockChange(row.doc as unknown as Product, delta);
    if (!next.ok) return { ok: false, available: next.available };
    const [result] = await storage.write('products', [{ id: productId, expectedSeq: row.seq, doc: next.product }]);
    if (result?.kind === 'written') return { ok: true };
    // Someone else changed the product between our read and our write: read again.
  }
  throw new StorageError('UNAVAILABLE', `stock of ${productId} is changing too fast to update`);
}
