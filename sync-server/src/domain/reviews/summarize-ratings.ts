/**
 * A product's rating summary from its reviews: the average of the approved, not deleted ones,
 * to one decimal, and how many there are. Pass one product's reviews; nothing here filters by
 * product. Recomputed from all of them after every change, so it cannot drift the way a running
 * total would when a review is unapproved twice or a push is replayed.
 */
import type { Review } from '@oa/schema';

export type RatedReview = Pick<Review, 'rating' | 'isApproved' | 'isDeleted' | '_deleted'>;

export interface RatingSummary {
  readonly ratingAverage: number;
  readonly ratingCount: number;
}

export function summarizeRatings(reviews: readonly RatedReview[]): RatingSummary {
  let sum = 0;
  let count = 0;
  for (const review of reviews) {
    if (!review.isApproved || review.isDeleted || review._deleted) continue;
    sum += review.rating;
    count++;
  }
  if (count === 0) return { ratingAverage: 0, ratingCount: 0 };
  // Rounded in tenths of a star, halves up. Division of integers is correctly rounded in IEEE
  // doubles, so a true half such as 170 / 4 = 42.5 arrives exact and is not nudged down.
  return { ratingAverage: Math.round((sum * 10) / count) / 10, ratingCount: count };
}
