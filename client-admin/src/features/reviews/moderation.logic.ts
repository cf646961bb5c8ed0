/**
 * Review moderation as pure rules: the queue (newest first; by default what shoppers see now,
 * with hidden and deleted ones a filter away), each review's state in words, and the moves it
 * allows (approve, hide, delete, restore). No React, no RxDB.
 */
import { matchesAllWords, toSearchWords } from '@oa/client-sync';
import type { Review } from '@oa/schema';

export type ReviewState = 'shown' | 'hidden' | 'deleted';
export type ModerationFilter = ReviewState | 'all';

export function toReviewState(review: Pick<Review, 'isApproved' | 'isDeleted'>): ReviewState {
  if (review.isDeleted) return 'deleted';
  return review.isApproved ? 'shown' : 'hidden';
}

export interface ModerationMove {
  readonly label: string;
  readonly change: { readonly isApproved?: boolean; readonly isDeleted?: boolean };
}

export function toModerationMoves(review: Pick<Review, 'isApproved' | 'isDeleted'>): ModerationMove[] {
  switch (toReviewState(review)) {
    case 'shown':
      return [{ label: 'Hide', change: { isApproved: false } }, { label: 'Delete', change: { isDeleted: true } }];
    case 'hidden':
      return [{ label: 'Approve', change: { isApproved: true } }, { label: 'Delete', change: { isDeleted: true } }];
    case 'deleted':
      return [{ label: 'Restore', change: { isDeleted: false } }];
  }
}

export function selectReviews(reviews: readonly Review[], filter: ModerationFilter, search: string, productNames: ReadonlyMap<string, string>): Review[] {
  const words = toSearchWords(search);
  return reviews
    .filter((review) => !review._deleted && (filter === 'all' || toReviewState(review) === filter))
    .filter((review) => matchesAllWords([review.comment, review.title ?? '', review.userName ?? '', productNames.get(review.productId) ?? ''].join(' '), words))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
