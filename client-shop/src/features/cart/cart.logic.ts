/**
 * The cart's pure rules: one cart per shopper (its id derived from theirs), a new line as the
 * cart_items document the server expects, quantities kept within 1–99, and lines priced from the
 * local catalogue. No React, no RxDB.
 */
import type { CartItem } from '@oa/schema';
import type { CatalogueProduct } from '../catalogue/catalogue.logic';

export const maxQuantity = 99;

/** The shopper's one cart: a stable id, so every device names the same cart without creating it first. */
export function toCartId(userId: string): string {
  return `cart-${userId}`.slice(0, 64);
}

export function toNewCartLine(input: { id: string; userId: string; productId: string; quantity?: number; now: string }): CartItem {
  return {
    id: input.id,
    _deleted: false,
    createdAt: input.now,
    updatedAt: input.now,
    cartId: toCartId(input.userId),
    userId: input.userId,
    productId: input.productId,
    quantity: clampQuantity(input.quantity ?? 1),
  };
}

export function clampQuantity(quantity: number): number {
  return Math.max(1, Math.min(maxQuantity, Math.round(quantity)));
}

export interface CartLine {
  readonly id: string;
  readonly productId: string;
  readonly name: string;
  readonly price: number;
  readonly quantity: number;
  readonly lineTotal: number;
  readonly imageUrl?: string | undefined;
}

/** The cart's lines with names and prices from the catalogue; lines of products no longer listed are left out. */
export function toCartLines(items: readonly Pick<CartItem, 'id' | 'productId' | 'quantity'>[], products: readonly CatalogueProduct[]): CartLine[] {
  const byId = new Map(products.map((product) => [product.id, product]));
  const lines: CartLine[] = [];
  for (const item of items) {
    const product = byId.get(item.productId);
    if (!product) continue;
    lines.push({
      id: item.id,
      productId: item.productId,
      name: product.name,
      price: product.price,
      quantity: item.quantity,
      lineTotal: roundMoney(product.price * item.quantity),
      imageUrl: product.imageUrl,
    });
  }
  return lines.sort((a, b) => a.name.localeCompare(b.name, 'en-IN'));
}

export function toCartTotal(lines: readonly Pick<CartLine, 'lineTotal'>[]): number {
  return roundMoney(lines.reduce((sum, line) => sum + line.lineTotal, 0));
}

export const roundMoney = (amount: number): number => Math.round(amount * 100) / 100;
