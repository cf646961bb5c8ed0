/**
 * Legacy aliases on reviews: userId/user, productId/product and reviewText/comment, on creates
 * and updates, and that a normalised review is valid.
 */
import { describe, expect, it } from 'vitest';
import type { Fields } from '../aliases/alias-result';
import { acceptedValue, describeAliasPair, notObjects, refusalOf } from '../testing/describe-alias-pair';
import { sampleDocument } from '../testing/sample-documents';
import { validateDocument } from '../validate-document';
import { collections } from './registry';
import { normalizeReview } from './reviews';

const normalize = (input: unknown, previous?: Fields) => normalizeReview(input, { previous });

describe('normalizeReview', () => {
  describeAliasPair({ collection: 'reviews', normalize, a: 'userId', b: 'user', values: ['user-2', 'user-3'] });
  describeAliasPair({ collection: 'reviews', normalize, a: 'productId', b: 'product', values: ['product-2', 'product-3'] });
  describeAliasPair({
    collection: 'reviews',
    normalize,
    a: 'reviewText',
    b: 'comment',
    values: ['Arrived a day late.', 'Tastes like home.'],
  });

  it.each(notObjects)('refuses %s as INVALID_ALIAS_VALUE without throwing', (_label, input) => {
    expect(refusalOf(normalize(input)).code).toBe('INVALID_ALIAS_VALUE');
  });

  it('turns a legacy review using only the old names into a valid review', () => {
    const legacy = sampleDocument('reviews', {
      userId: undefined,
      productId: undefined,
      reviewText: undefined,
      user: 'user-7',
      product: 'product-7',
      comment: 'Good.',
    });
    const value = acceptedValue(normalize(legacy));
    expect(value).toMatchObject({ userId: 'user-7', productId: 'product-7', reviewText: 'Good.' });
    expect(validateDocument('reviews', value)).toMatchObject({ ok: true });
  });

  it('refuses a review whose userId and user disagree even when its other pairs are fine', () => {
    const error = refusalOf(normalize(sampleDocument('reviews', { userId: 'user-2', user: 'user-3', comment: undefined })));
    expect(error.fields).toEqual(expect.arrayContaining(['userId', 'user']));
  });

  it('is what the registry runs for reviews', () => {
    const value = acceptedValue(collections.reviews.normalize(sampleDocument('reviews', { comment: undefined }), {}));
    expect(value.comment).toBe(value.reviewText);
  });
});
