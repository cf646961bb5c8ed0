/**
 * Reviews. Legacy pairs kept in step on every save: userId/user, productId/product,
 * reviewText/comment. Approval and deletion are moderation flags only admins change.
 */
import { z } from 'zod';
import { isFields, notAnObject, type AliasResult, type Fields } from '../aliases/alias-result';
import { chainAliases, syncSimplePair } from '../aliases/sync-simple-pair';
import { documentFields, idSchema, personNameSchema } from '../fields';
import type { IndexSpec } from './index-spec';

export const reviewVersion = 0;

const reviewTextSchema = z.string().max(2000);

export const reviewSchema = z.strictObject({
  ...documentFields,
  productId: idSchema,
  product: idSchema,
  userId: idSchema,
  user: idSchema,
  userName: personNameSchema.optional(),
  rating: z.int().min(1).max(5),
  title: z.string().max(120).optional(),
  comment: reviewTextSchema,
  reviewText: reviewTextSchema,
  isApproved: z.boolean(),
  isDeleted: z.boolean(),
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewIndexes: readonly IndexSpec[] = [
  { name: 'reviews_product_user', fields: [['product', 1], ['user', 1]] },
  { name: 'reviews_productId_userId', fields: [['productId', 1], ['userId', 1]] },
  { name: 'reviews_isApproved', fields: [['isApproved', 1]] },
  // One review per product and shopper, held by the database: two pushes racing (two processes,
  // two devices) cannot both store one. Live reviews only; one moderated away still counts.
  { name: 'reviews_one_per_shopper', fields: [['productId', 1], ['userId', 1]], unique: true },
];

export interface ReviewAliasContext {
  readonly previous?: Fields | undefined;
}

export function normalizeReview(input: unknown, context: ReviewAliasContext = {}): AliasResult {
  if (!isFields(input)) return notAnObject();
  const { previous } = context;
  return chainAliases(input, [
    (doc) => syncSimplePair(doc, previous, 'userId', 'user'),
    (doc) => syncSimplePair(doc, previous, 'productId', 'product'),
    (doc) => syncSimplePair(doc, previous, 'reviewText', 'comment'),
  ]);
}
