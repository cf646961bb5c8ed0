import { productSchema } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { summarizeRatings, type RatedReview } from './summarize-ratings';

const review = (rating: number, overrides: Partial<RatedReview> = {}): RatedReview => ({
  rating,
  isApproved: true,
  isDeleted: false,
  _deleted: false,
  ...overrides,
});

describe('summarizeRatings', () => {
  it('is 0 and 0 for no reviews', () => {
    expect(summarizeRatings([])).toEqual({ ratingAverage: 0, ratingCount: 0 });
  });

  it.each([
    ['one review', [5], 5],
    ['a whole average', [4, 4, 4], 4],
    ['an exact tenth', [5, 4], 4.5],
    ['a third, rounded down (13 / 3 = 4.33…)', [5, 4, 4], 4.3],
    ['two thirds, rounded up (5 / 3 = 1.66…)', [1, 2, 2], 1.7],
    ['a half tenth, rounded up (17 / 4 = 4.25)', [4, 4, 5, 4], 4.3],
    ['a half tenth, rounded up (9 / 4 = 2.25)', [1, 2, 3, 3], 2.3],
  ])('averages %s to one decimal', (_label, ratings, average) => {
    expect(summarizeRatings(ratings.map((r) => review(r)))).toEqual({ ratingAverage: average, ratingCount: ratings.length });
  });

  it.each([
    ['unapproved', { isApproved: false }],
    ['moderated away', { isDeleted: true }],
    ['deleted', { _deleted: true }],
  ])('leaves out %s reviews', (_label, overrides) => {
    const summary = summarizeRatings([review(5), review(5), review(1, overrides)]);
    expect(summary).toEqual({ ratingAverage: 5, ratingCount: 2 });
  });

  it('is 0 and 0 when no review counts', () => {
    expect(summarizeRatings([review(4, { isApproved: false }), review(2, { isDeleted: true })])).toEqual({ ratingAverage: 0, ratingCount: 0 });
  });

  it('always fits the product schema\'s rating fields', () => {
    const many = Array.from({ length: 1000 }, (_, i) => review((i % 5) + 1));
    const summary = summarizeRatings(many);
    expect(productSchema.shape.ratingAverage.safeParse(summary.ratingAverage).success).toBe(true);
    expect(productSchema.shape.ratingCount.safeParse(summary.ratingCount).success).toBe(true);
    expect(summary).toEqual({ ratingAverage: 3, ratingCount: 1000 });
  });
});
