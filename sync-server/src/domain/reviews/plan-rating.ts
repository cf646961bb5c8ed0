/**
 * Pure: a product's rating after a review is written, for the same unit of work as the review:
 * the product's new state (average and count over its approved, undeleted reviews, the written
 * one as it will be), or nothing when the product is gone or its rating does not change. The
 * caller commits both together and plans again when the product moved meanwhile.
 */
import type { Product, Review } from '@oa/schema';
import type { ProductWrite, StoredProduct } from '../orders/plan-order-placement';
import { summarizeRatings } from './summarize-ratings';

export interface RatingInput {
  /** The product as stored now (absent: no product to rate). */
  readonly product: StoredProduct | undefined;
  /** The product's reviews as stored now. */
  readonly reviews: readonly Review[];
  /** The review being written, replacing its stored state if there is one. */
  readonly written: Review;
}

export function planRating({ product, reviews, written }: RatingInput): ProductWrite | null {
  if (!product || product.product._deleted) return null;
  const after = [...reviews.filter((review) => review.id !== written.id), written];
  const summary = summarizeRatings(after);
  const current: Product = product.product;
  if (current.ratingAverage === summary.ratingAverage && current.ratingCount === summary.ratingCount) return null;
  return { productId: current.id, expectedSeq: product.seq, product: { ...current, ...summary } };
}
