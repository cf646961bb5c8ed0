/**
 * An admin's moderation of a review: only `isApproved` and `isDeleted` change, whatever else the
 * admin's document held. Hiding a review (unapproving or deleting it) removes it from shoppers'
 * replicas through the read filter; the caller then refreshes the product's rating.
 */
import type { Review } from '@oa/schema';

export interface ReviewModeration {
  readonly isApproved?: boolean | undefined;
  readonly isDeleted?: boolean | undefined;
}

export function moderateReview<R extends Pick<Review, 'isApproved' | 'isDeleted'>>(stored: R, moderation: ReviewModeration): R {
  const next = { ...stored };
  if (typeof moderation.isApproved === 'boolean') next.isApproved = moderation.isApproved;
  if (typeof moderation.isDeleted === 'boolean') next.isDeleted = moderation.isDeleted;
  return next;
}
