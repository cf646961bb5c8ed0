/** The eleven collections of the mission, in the order a first sync fetches them (catalogue first). */
export const collectionNames = [
  'categories',
  'products',
  'reviews',
  'users',
  'carts',
  'cart_items',
  'wishlists',
  'orders',
  'payments',
  'sessions',
  'admins',
] as const;

export type CollectionName = (typeof collectionNames)[number];

export function isCollectionName(value: unknown): value is CollectionName {
  return typeof value === 'string' && (collectionNames as readonly string[]).includes(value);
}
