import { sampleDocument, validateDocument, type Review } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { moderateReview } from './moderate-review';

const stored = (): Review => sampleDocument('reviews', { isApproved: true, isDeleted: false }) as Review;

describe('moderateReview', () => {
  it.each([
    [{ isApproved: false }, { isApproved: false, isDeleted: false }],
    [{ isDeleted: true }, { isApproved: true, isDeleted: true }],
    [{ isApproved: false, isDeleted: true }, { isApproved: false, isDeleted: true }],
    [{}, { isApproved: true, isDeleted: false }],
    [{ isApproved: undefined, isDeleted: undefined }, { isApproved: true, isDeleted: false }],
  ])('applies %o', (moderation, flags) => {
    const result = moderateReview(stored(), moderation);
    expect({ isApproved: result.isApproved, isDeleted: result.isDeleted }).toEqual(flags);
    expect(validateDocument('reviews', result)).toMatchObject({ ok: true });
  });

  it('changes nothing but the two moderation flags, even when handed other fields', () => {
    const start = stored();
    const sneaky = { isApproved: false, rating: 1, comment: 'edited by admin' } as Parameters<typeof moderateReview>[1];
    const result = moderateReview(start, sneaky);
    expect({ ...result, isApproved: start.isApproved }).toEqual(start);
  });

  it('does not change the stored review it was given', () => {
    const start = stored();
    const before = structuredClone(start);
    moderateReview(start, { isDeleted: true });
    expect(start).toEqual(before);
  });
});
