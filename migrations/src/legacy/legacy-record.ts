/**
 * One legacy document as every source hands it over: decoded to plain JSON (ObjectIds as hex,
 * dates as ISO strings, decimals as numbers) with where it came from, for messages.
 */
export interface LegacyRecord {
  /** `products.json line 12`, or `products _id 64ab…` for a MongoDB source. */
  readonly where: string;
  readonly doc: Record<string, unknown>;
}

/** The legacy collections the merge reads: the two product collections and what refers to products. */
export const legacyCollections = ['adminproducts', 'products', 'categories', 'orders', 'reviews', 'cart_items', 'wishlists'] as const;
export type LegacyCollection = (typeof legacyCollections)[number];

/** Where a collection's originals are kept before anything changes. */
export function backupNameOf(collection: LegacyCollection): string {
  return `${collection}_backup`;
}
