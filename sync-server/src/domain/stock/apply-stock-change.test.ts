import { sampleDocument, stockSchema, validateDocument, type Product } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { applyStockChange } from './apply-stock-change';

const product = (stock: number): Product => sampleDocument('products', { stock, totalStock: stock }) as Product;

describe('applyStockChange', () => {
  it.each([
    ['takes units', 10, -3, 7],
    ['takes the last units', 4, -4, 0],
    ['returns units', 0, 5, 5],
    ['leaves stock alone for a delta of zero', 6, 0, 6],
  ])('%s: %s with %s gives %s', (_label, stock, delta, expected) => {
    const result = applyStockChange(product(stock), delta);
    if (!result.ok) throw new Error(result.code);
    expect(result.product.stock).toBe(expected);
    expect(result.product.totalStock).toBe(expected);
    expect(validateDocument('products', result.product)).toMatchObject({ ok: true });
  });

  it('refuses to go below zero, saying how many are left', () => {
    expect(applyStockChange(product(3), -4)).toEqual({ ok: false, code: 'OUT_OF_STOCK', available: 3 });
    expect(applyStockChange(product(0), -1)).toEqual({ ok: false, code: 'OUT_OF_STOCK', available: 0 });
  });

  it.each([0.5, -1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a delta of %s as BAD_QUANTITY', (delta) => {
    expect(applyStockChange(product(10), delta)).toEqual({ ok: false, code: 'BAD_QUANTITY', available: 10 });
  });

  it('refuses to go above the schema\'s maximum stock', () => {
    const max = stockSchema.maxValue as number;
    expect(applyStockChange(product(max), 0)).toMatchObject({ ok: true });
    expect(applyStockChange(product(max), 1)).toEqual({ ok: false, code: 'STOCK_LIMIT', available: max });
  });

  it('sets both names when they had drifted apart, taking stock as the truth', () => {
    const drifted = { ...product(10), totalStock: 25 };
    const result = applyStockChange(drifted, -2);
    expect(result).toMatchObject({ ok: true, product: { stock: 8, totalStock: 8 } });
  });

  it('treats a broken legacy stock value as none left', () => {
    expect(applyStockChange({ ...product(0), stock: -5 }, -1)).toEqual({ ok: false, code: 'OUT_OF_STOCK', available: 0 });
    expect(applyStockChange({ ...product(0), stock: 2.5 }, 3)).toMatchObject({ ok: true, product: { stock: 3 } });
  });

  it('keeps every other field and does not change its input', () => {
    const start = product(10);
    const before = structuredClone(start);
    const result = applyStockChange(start, -1);
    if (!result.ok) throw new Error(result.code);
    expect({ ...result.product, stock: start.stock, totalStock: start.totalStock }).toEqual(start);
    expect(start).toEqual(before);
  });

  it('never lets twenty sequential orders of one unit take more than five', () => {
    let current = product(5);
    let sold = 0;
    for (let i = 0; i < 20; i++) {
      const result = applyStockChange(current, -1);
      if (result.ok) {
        current = result.product;
        sold++;
      }
    }
    expect(sold).toBe(5);
    expect(current.stock).toBe(0);
  });
});
