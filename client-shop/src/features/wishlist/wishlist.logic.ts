/**
 * The wishlist's pure rules: one wishlist document per shopper (a stable id, so every device
 * names the same one), products added once and removed, within the schema's cap of 500, and the
 * saved products as the list shows them. No React, no RxDB.
 */
import type { Wishlist } from '@oa/schema';
import type { CatalogueProduct } from '../catalogue/catalogue.logic';

export const maxWishlistSize = 500;

export function toWishlistId(userId: string): string {
  return `wishlist-${userId}`.slice(0, 64);
}

export function toNewWishlist(input: { userId: string; productIds: readonly string[]; now: string }): Wishlist {
  return {
    id: toWishlistId(input.userId),
    _deleted: false,
    createdAt: input.now,
    updatedAt: input.now,
    userId: input.userId,
    productIds: [...input.productIds],
  };
}

/** The list with the product added at the end (once); the oldest drops out beyond the cap. */
export function withProduct(productIds: readonly string[], productId: string): string[] {
  if (productIds.includes(productId)) return [...productIds];
  return [...productIds, productId].slice(-maxWishlistSize);
}

export function withoutProduct(productIds: readonly string[], productId: string): string[] {
  return productIds.filter((id) => id !== productId);
}

/** The saved products still in the catalogue, most recently saved first. */
export function toWishlistProducts<P extends CatalogueProduct>(productIds: readonly string[], products: readonly P[]): P[] {
  const byId = new Map(products.map((product) => [product.id, product]));
  return [...productIds].reverse().flatMap((id) => {
    const product = byId.get(id);
    return product ? [product] : [];
  });
}
