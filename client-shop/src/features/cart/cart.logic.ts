/**
 * The cart's pure rules: one cart per shopper (its id derived from theirs), a new line as the
 * cart_items document the server expects, quantities kept within 1–99, lines priced from the
 * local catalogue, and delivery by the shop's rule (what is left for free delivery). No React, no RxDB.
 */
import { formatRupees } from '@oa/client-sync';
import { amountToFreeDelivery, deliveryFeeFor, type CartItem, type DeliveryRule } from '@oa/schema';
import type { CatalogueProduct } from '../catalogue/catalogue.logic';

export const maxQuantity = 99;

/** The owner written on a visitor's cart lines, which stay on the device until they sign in. */
export const guestUserId = 'guest';

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

export interface DeliveryView {
  /** The delivery fee on this subtotal, in rupees; 0 when delivery is free. */
  readonly fee: number;
  /** Goods and delivery together, in rupees. */
  readonly total: number;
  /** Rupees of goods still to add for free delivery; 0 when it already is free. */
  readonly toFree: number;
  /** What the cart says about it: "₹439 more for free delivery", or "Free delivery". */
  readonly note: string;
}

/**
 * Delivery on `subtotal` rupees of goods by the shop's rule (@oa/schema's deliveryFeeFor, the one
 * the server prices with), as the cart and checkout show it. A preview: the server's price wins.
 */
export function toDeliveryView(subtotal: number, rule: DeliveryRule): DeliveryView {
  const fee = deliveryFeeFor(subtotal, rule);
  const toFree = amountToFreeDelivery(subtotal, rule);
  return { fee, total: roundMoney(subtotal + fee), toFree, note: toFree > 0 ? `${formatRupees(toFree)} more for free delivery` : 'Free delivery' };
}

export interface GuestCartJoin {
  /** New lines in the shopper's cart, for products they did not have. */
  readonly inserts: CartItem[];
  /** Lines the shopper had, with the guest quantity added (within 99). */
  readonly updates: Array<{ readonly id: string; readonly quantity: number }>;
}

/**
 * What a visitor's cart becomes in the account they sign in to: a product already in the
 * account's cart gets the quantities added, any other becomes a new line of that account's.
 */
export function planGuestCartJoin(input: {
  readonly guest: readonly Pick<CartItem, 'productId' | 'quantity'>[];
  readonly own: readonly Pick<CartItem, 'id' | 'productId' | 'quantity'>[];
  readonly userId: string;
  readonly now: string;
  readonly newId: () => string;
}): GuestCartJoin {
  const own = new Map(input.own.map((line) => [line.productId, line]));
  const added = new Map<string, number>();
  for (const line of input.guest) added.set(line.productId, (added.get(line.productId) ?? 0) + line.quantity);
  const inserts: CartItem[] = [];
  const updates: Array<{ id: string; quantity: number }> = [];
  for (const [productId, quantity] of added) {
    const existing = own.get(productId);
    if (existing) updates.push({ id: existing.id, quantity: clampQuantity(existing.quantity + quantity) });
    else inserts.push(toNewCartLine({ id: input.newId(), userId: input.userId, productId, quantity, now: input.now }));
  }
  return { inserts, updates };
}

export interface CartMerge {
  /** The line kept for each product that had several, with the quantities added. */
  readonly updates: Array<{ readonly id: string; readonly quantity: number }>;
  /** The other lines of those products. */
  readonly removals: string[];
}

/**
 * One line per product: where the shopper's cart holds several lines of one product (a visitor's
 * cart joined on a device that had not yet pulled the account's cart, or two devices adding it
 * offline), the quantities add up on the oldest line (then the smallest id), capped by the
 * quantity limit and the product's stock when known, and the others go. Every device computes the
 * same plan from the same lines, so two devices merging at once agree.
 */
export function planCartMerge(
  lines: readonly Pick<CartItem, 'id' | 'productId' | 'quantity' | 'createdAt'>[],
  stockOf: (productId: string) => number | undefined = () => undefined,
): CartMerge {
  const byProduct = new Map<string, Array<Pick<CartItem, 'id' | 'productId' | 'quantity' | 'createdAt'>>>();
  for (const line of lines) byProduct.set(line.productId, [...(byProduct.get(line.productId) ?? []), line]);
  const updates: Array<{ id: string; quantity: number }> = [];
  const removals: string[] = [];
  for (const [productId, group] of byProduct) {
    if (group.length < 2) continue;
    const [kept, ...others] = [...group].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const total = group.reduce((sum, line) => sum + line.quantity, 0);
    const stock = stockOf(productId);
    updates.push({ id: kept!.id, quantity: clampQuantity(stock !== undefined && stock >= 1 ? Math.min(total, stock) : total) });
    removals.push(...others.map((line) => line.id));
  }
  return { updates, removals: removals.sort() };
}
