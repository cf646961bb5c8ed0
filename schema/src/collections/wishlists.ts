/** Wishlists: the products a shopper saved for later. */
import { z } from 'zod';
import { documentFields, idSchema } from '../fields';
import type { IndexSpec } from './index-spec';

export const wishlistVersion = 0;

export const wishlistSchema = z.strictObject({
  ...documentFields,
  userId: idSchema,
  productIds: z.array(idSchema).max(500),
});
export type Wishlist = z.infer<typeof wishlistSchema>;

export const wishlistIndexes: readonly IndexSpec[] = [];
