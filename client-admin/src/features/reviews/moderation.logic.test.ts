import type { Review } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { selectReviews, toModerationMoves, toReviewState } from './moderation.logic';

const review = (id: string, fields: Partial<Review> = {}): Review =>
  ({
    id, _deleted: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', productId: 'p1', product: 'p1', userId: 'u1', user: 'u1',
    userName: 'Asha', rating: 4, comment: `comment ${id}`, reviewText: `comment ${id}`, isApproved: true, isDeleted: false, ...fields,
  }) as Review;

describe('review moderation', () => {
  it.each([
    [{ isApproved: true, isDeleted: false }, 'shown', ['Hide', 'Delete']],
    [{ isApproved: false, isDeleted: false }, 'hidden', ['Approve', 'Delete']],
    [{ isApproved: true, isDeleted: true }, 'deleted', ['Restore']],
    [{ isApproved: false, isDeleted: true }, 'deleted', ['Restore']],
  ])('reads %j as %s, with the moves %j', (flags, state, moves) => {
    expect(toReviewState(flags)).toBe(state);
    expect(toModerationMoves(flags).map((move) => move.label)).toEqual(moves);
  });

  it('filters the queue by state and by words in the review or the product’s name, newest first', () => {
    const reviews = [
      review('old', { createdAt: '2026-01-01T00:00:00.000Z' }),
      review('new', { createdAt: '2026-02-01T00:00:00.000Z', comment: 'Stale laddu' }),
      review('hidden', { isApproved: false }),
      review('removed', { isDeleted: true }),
      review('tombstone', { _deleted: true }),
    ];
    const names = new Map([['p1', 'Annavaram Prasadam']]);
    expect(selectReviews(reviews, 'shown', '', names).map((r) => r.id)).toEqual(['new', 'old']);
    expect(selectReviews(reviews, 'all', '', names).map((r) => r.id)).toEqual(['new', 'old', 'hidden', 'removed']);
    expect(selectReviews(reviews, 'all', 'stale', names).map((r) => r.id)).toEqual(['new']);
    expect(selectReviews(reviews, 'hidden', 'prasadam', names).map((r) => r.id)).toEqual(['hidden']);
  });
});
