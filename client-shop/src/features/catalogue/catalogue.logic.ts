/**
 * The catalogue's pure rules: how a price and a stock level read to a shopper, and which
 * products a category filter shows in what order. No React, no RxDB: plain data in, data out.
 */

/** What the list needs of a product (a subset of @oa/schema's Product). */
export interface CatalogueProduct {
  readonly id: string;
  readonly name: string;
  readonly price: number;
  readonly mrp?: number | undefined;
  readonly stock: number;
  readonly categoryId: string;
  readonly unit?: string | undefined;
  readonly imageUrl?: string | undefined;
}

export interface CatalogueCategory {
  readonly id: string;
  readonly name: string;
  readonly sortOrder: number;
}

/** Below this many, the shopper is told how few are left. */
export const lowStockThreshold = 10;

const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 2, minimumFractionDigits: 0 });

/** ₹ with Indian digit grouping: 60 → "₹60", 123456.5 → "₹1,23,456.5". */
export function formatRupees(amount: number): string {
  return rupees.format(amount);
}

export type StockState = 'in-stock' | 'low' | 'out';

export function toStockState(stock: number): StockState {
  if (stock <= 0) return 'out';
  return stock < lowStockThreshold ? 'low' : 'in-stock';
}

export function toStockLabel(stock: number): string {
  switch (toStockState(stock)) {
    case 'out':
      return 'Out of stock';
    case 'low':
      return `Only ${stock} left`;
    case 'in-stock':
      return 'In stock';
  }
}

/** Products of one category (all when `categoryId` is undefined), by name. */
export function selectProducts<P extends CatalogueProduct>(products: readonly P[], categoryId: string | undefined): P[] {
  return products
    .filter((product) => categoryId === undefined || product.categoryId === categoryId)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-IN'));
}

export function sortCategories<C extends CatalogueCategory>(categories: readonly C[]): C[] {
  return [...categories].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'en-IN'));
}
