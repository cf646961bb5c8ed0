import { sampleDocument, validateDocument, type Product } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { prepareReview, type PrepareReviewInput, type PrepareReviewResult } from './prepare-review';

const now = '2026-11-24T10:00:00.000Z';
const laddu = sampleDocument('products', { id: 'laddu', name: 'Annavaram Laddu' }) as Product;
const caller = { id: 'user-42', name: 'Lakshmi Devi' };

const prepare = (changes: Partial<PrepareReviewInput> & { input?: Record<string, unknown> } = {}): PrepareReviewResult =>
  prepareReview({
    id: 'review-9',
    caller,
    product: laddu,
    existingByCaller: undefined,
    now,
    ...changes,
    input: changes.input ?? { productId: 'laddu', rating: 5, title: 'Divine', comment: 'Tastes like the temple.' },
  });

function accepted(result: PrepareReviewResult) {
  if (!result.ok) throw new Error(`expected a review, got ${result.code}: ${result.reason}`);
  expect(validateDocument('reviews', result.review)).toEqual({ ok: true, value: result.review });
  return result.review;
}

describe('prepareReview', () => {
  it('builds an approved review written by the caller, with both legacy names filled', () => {
    expect(accepted(prepare())).toEqual({
      id: 'review-9',
      _deleted: false,
      createdAt: now,
      updatedAt: now,
      productId: 'laddu',
      product: 'laddu',
      userId: caller.id,
      user: caller.id,
      userName: caller.name,
      rating: 5,
      title: 'Divine',
      comment: 'Tastes like the temple.',
      reviewText: 'Tastes like the temple.',
      isApproved: true,
      isDeleted: false,
    });
  });

  it.each([
    ['productId and comment', { productId: 'laddu', comment: 'Good' }],
    ['product and reviewText (the legacy names)', { product: 'laddu', reviewText: 'Good' }],
    ['both names, agreeing', { productId: 'laddu', product: 'laddu', comment: 'Good', reviewText: 'Good' }],
  ])('accepts %s', (_label, names) => {
    const review = accepted(prepare({ input: { rating: 4, ...names } }));
    expect([review.productId, review.product, review.comment, review.reviewText]).toEqual(['laddu', 'laddu', 'Good', 'Good']);
  });

  it('ignores the author, approval and dates the document claims', () => {
    const review = accepted(
      prepare({
        input: { productId: 'laddu', rating: 3, userId: 'someone-else', user: 'someone-else', userName: 'Admin', isApproved: false, isDeleted: true, createdAt: '2020-01-01T00:00:00.000Z' },
      }),
    );
    expect([review.userId, review.user, review.userName]).toEqual([caller.id, caller.id, caller.name]);
    expect([review.isApproved, review.isDeleted, review.createdAt]).toEqual([true, false, now]);
  });

  it('accepts a rating alone, with empty text and no title', () => {
    const review = accepted(prepare({ input: { productId: 'laddu', rating: 4 } }));
    expect(review.comment).toBe('');
    expect(review.reviewText).toBe('');
    expect(review).not.toHaveProperty('title');
  });

  it('trims the title and text, dropping a blank title', () => {
    const review = accepted(prepare({ input: { productId: 'laddu', rating: 4, title: '   ', comment: '  Fresh.  ' } }));
    expect(review).not.toHaveProperty('title');
    expect(review.comment).toBe('Fresh.');
  });

  it('leaves out the author\'s name when the caller has none', () => {
    expect(accepted(prepare({ caller: { id: 'user-42', name: '  ' } }))).not.toHaveProperty('userName');
  });

  it.each([1, 2, 3, 4, 5])('accepts a rating of %s', (rating) => {
    expect(accepted(prepare({ input: { productId: 'laddu', rating } })).rating).toBe(rating);
  });

  it.each([0, 6, -1, 3.5, Number.NaN, '5', null, undefined])('refuses a rating of %s as BAD_RATING', (rating) => {
    expect(prepare({ input: { productId: 'laddu', rating } })).toMatchObject({ ok: false, code: 'BAD_RATING', fields: ['rating'] });
  });

  it('refuses a second review of the same product by the same customer', () => {
    const result = prepare({ existingByCaller: { isApproved: true, isDeleted: false } });
    expect(result).toMatchObject({ ok: false, code: 'DUPLICATE_REVIEW' });
    if (!result.ok) expect(result.reason).toContain(laddu.name);
  });

  it.each([
    ['hidden', { isApproved: false, isDeleted: false }],
    ['removed', { isApproved: true, isDeleted: true }],
  ])('refuses a new review after the shop %s the earlier one, saying so instead of "already reviewed"', (_, existingByCaller) => {
    const result = prepare({ existingByCaller });
    expect(result).toMatchObject({ ok: false, code: 'REVIEW_HIDDEN' });
    if (!result.ok) expect(result.reason).toBe(`The shop has hidden your earlier review of ${laddu.name}, so another cannot be posted.`);
  });

  it.each([
    ['a product that does not exist', { product: undefined }],
    ['an inactive product', { product: { ...laddu, isActive: false } }],
    ['a deleted product', { product: { ...laddu, _deleted: true } }],
    ['a product other than the one named', { product: { ...laddu, id: 'other' } }],
    ['no product named at all', { input: { rating: 5 } }],
  ])('refuses %s as PRODUCT_UNAVAILABLE', (_label, changes) => {
    expect(prepare(changes)).toMatchObject({ ok: false, code: 'PRODUCT_UNAVAILABLE' });
  });

  it('names a known product in the unavailable reason', () => {
    const result = prepare({ product: { ...laddu, isActive: false } });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.reason).toContain(laddu.name);
  });

  it.each([
    ['productId and product disagree', { productId: 'laddu', product: 'kova', rating: 5 }, ['productId', 'product']],
    ['comment and reviewText disagree', { productId: 'laddu', rating: 5, comment: 'A', reviewText: 'B' }, ['comment', 'reviewText']],
    ['the text is too long', { productId: 'laddu', rating: 5, comment: 'x'.repeat(2001) }, ['comment', 'reviewText']],
    ['the title is too long', { productId: 'laddu', rating: 5, title: 't'.repeat(121) }, ['title']],
    ['the title is not text', { productId: 'laddu', rating: 5, title: 7 }, ['title']],
  ])('refuses a review where %s as VALIDATION_FAILED', (_label, input, fields) => {
    const result = prepare({ input });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.code).toBe('VALIDATION_FAILED');
    expect(result.fields).toEqual(fields);
  });
});
