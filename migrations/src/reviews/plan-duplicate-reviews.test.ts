import { describe, expect, it } from 'vitest';
import type { StoredRow } from '@oa/sync-server/storage';
import { planDuplicateReviews } from './plan-duplicate-reviews';

const review = (seq: number, id: string, productId: string, userId: string, fields: Record<string, unknown> = {}): StoredRow => ({
  seq,
  doc: { id, _deleted: false, updatedAt: '2026-01-09T00:00:00.000Z', productId, userId, rating: 5, isApproved: true, isDeleted: false, createdAt: `2026-01-0${seq}T00:00:00.000Z`, ...fields },
});
const product = (seq: number, id: string, fields: Record<string, unknown> = {}): StoredRow => ({ seq, doc: { id, _deleted: false, updatedAt: '2026-01-09T00:00:00.000Z', name: id, ratingAverage: 0, ratingCount: 0, ...fields } });

describe('planDuplicateReviews', () => {
  it('keeps each shopper’s first review of a product and retires the later ones', () => {
    const reviews = [review(2, 'r-later', 'p1', 'u1', { rating: 1 }), review(1, 'r-first', 'p1', 'u1', { rating: 4 }), review(3, 'r-other', 'p1', 'u2', { rating: 2 })];
    const [plan, ...rest] = planDuplicateReviews(reviews, new Map([['p1', product(9, 'p1', { ratingAverage: 2.3, ratingCount: 3 })]]));
    expect(rest).toEqual([]);
    expect(plan!.retire).toEqual([{ id: 'r-later', expectedSeq: 2, doc: expect.objectContaining({ id: 'r-later', _deleted: true }) }]);
    expect(plan!.product).toEqual({ id: 'p1', expectedSeq: 9, doc: expect.objectContaining({ ratingAverage: 3, ratingCount: 2 }) });
  });

  it('breaks a tie in createdAt by the order the reviews were stored', () => {
    const at = { createdAt: '2026-01-01T00:00:00.000Z' };
    const [plan] = planDuplicateReviews([review(7, 'r-b', 'p1', 'u1', at), review(4, 'r-a', 'p1', 'u1', at)], new Map());
    expect(plan!.retire.map((row) => row.id)).toEqual(['r-b']);
    expect(plan!.product).toBeNull();
  });

  it('plans nothing where every shopper has one review, or the duplicates are already deleted', () => {
    const reviews = [review(1, 'r1', 'p1', 'u1'), review(2, 'r2', 'p1', 'u2'), review(3, 'r3', 'p2', 'u1'), review(4, 'r4', 'p1', 'u1', { _deleted: true })];
    expect(planDuplicateReviews(reviews, new Map())).toEqual([]);
  });

  it('leaves reviews without a product or a shopper alone (legacy data outside the index)', () => {
    const reviews = [review(1, 'r1', 'p1', 'u1', { userId: undefined }), review(2, 'r2', 'p1', 'u1', { userId: undefined })];
    expect(planDuplicateReviews(reviews, new Map())).toEqual([]);
  });

  it('writes no product when its rating stays the same, or when it is gone', () => {
    const reviews = [review(1, 'r1', 'p1', 'u1', { rating: 4 }), review(2, 'r2', 'p1', 'u1', { rating: 4, isApproved: false })];
    expect(planDuplicateReviews(reviews, new Map([['p1', product(5, 'p1', { ratingAverage: 4, ratingCount: 1 })]]))[0]!.product).toBeNull();
    expect(planDuplicateReviews(reviews, new Map([['p1', product(5, 'p1', { _deleted: true })]]))[0]!.product).toBeNull();
  });
});
