import { validateDocument } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { checkReviewForm, parseReviewDraft, summarizeRatings, toNewReview, toProductReviews, toReviewDraftKey, toReviewing, toStars, type Reviewing } from './reviews.logic';

const review = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  productId: 'p1',
  rating: 4,
  comment: `text ${id}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  isApproved: true,
  isDeleted: false,
  _deleted: false,
  ...fields,
});

describe('reviews in the shop', () => {
  it('writes a review that is a valid document, both legacy names filled', () => {
    const written = toNewReview({ id: 'r1', userId: 'u1', userName: 'Asha', productId: 'p1', rating: 5, title: 'Fresh', text: 'Tasty', now: '2026-01-01T00:00:00.000Z' });
    expect(validateDocument('reviews', written).ok).toBe(true);
    expect(written).toMatchObject({ product: 'p1', user: 'u1', reviewText: 'Tasty', comment: 'Tasty' });
  });

  it.each([
    [{ rating: 0, title: '', text: 'ok' }, ['rating']],
    [{ rating: 6, title: '', text: 'ok' }, ['rating']],
    [{ rating: 4, title: '', text: '   ' }, ['text']],
    [{ rating: 4, title: 'x'.repeat(121), text: 'ok' }, ['title']],
    [{ rating: 4, title: '', text: 'x'.repeat(2001) }, ['text']],
  ])('refuses %j, naming %j', (form, fields) => {
    const check = checkReviewForm(form);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.errors)).toEqual(fields);
  });

  it('accepts a rating and text, trimming them and dropping an empty title', () => {
    expect(checkReviewForm({ rating: 3, title: '  ', text: ' Good ' })).toEqual({ ok: true, rating: 3, title: undefined, text: 'Good' });
  });

  it('shows approved reviews of the product, newest first, and leaves out the rest', () => {
    const shown = [
      review('old', { createdAt: '2026-01-01T00:00:00.000Z' }),
      review('new', { createdAt: '2026-02-01T00:00:00.000Z' }),
      review('hidden', { isApproved: false }),
      review('removed', { isDeleted: true }),
      review('other', { productId: 'p2' }),
    ];
    expect(toProductReviews('p1', shown, []).map((view) => view.id)).toEqual(['new', 'old']);
  });

  it('shows the shopper’s own review as waiting until the server’s copy arrives', () => {
    const own = [review('mine', { createdAt: '2026-03-01T00:00:00.000Z' })];
    expect(toProductReviews('p1', [], own)).toEqual([expect.objectContaining({ id: 'mine', state: 'waiting' })]);
    expect(toProductReviews('p1', own, own)).toEqual([expect.objectContaining({ id: 'mine', state: 'shown' })]);
  });

  it('shows the shopper’s own review as hidden once the server dropped it from the catalogue, not as waiting', () => {
    const own = [review('mine'), review('other-product', { productId: 'p2' })];
    expect(toProductReviews('p1', [review('theirs', { userId: 'u2' })], own, new Set(['mine'])).map((view) => [view.id, view.state])).toEqual([
      ['theirs', 'shown'],
      ['mine', 'hidden'],
    ]);
  });

  it('drops the shopper’s review that the server refused (its copy became a deletion)', () => {
    expect(toProductReviews('p1', [], [review('mine', { _deleted: true })])).toEqual([]);
  });

  it.each([
    [[], { average: 0, count: 0 }],
    [[{ rating: 5 }], { average: 5, count: 1 }],
    [[{ rating: 5 }, { rating: 4 }, { rating: 4 }], { average: 4.3, count: 3 }],
  ])('averages %j as %j', (ratings, summary) => {
    expect(summarizeRatings(ratings)).toEqual(summary);
  });

  it('draws whole stars', () => {
    expect(toStars(4)).toBe('★★★★☆');
    expect(toStars(4.6)).toBe('★★★★★');
    expect(toStars(0)).toBe('☆☆☆☆☆');
  });

  it.each<[string, Reviewing, Parameters<typeof toReviewing>[0]]>([
    ['a visitor', 'sign-in', { productId: 'p1', userId: undefined, shown: [], own: [], hiddenOwn: new Set() }],
    ['a shopper with no review of it', 'open', { productId: 'p1', userId: 'u1', shown: [review('someone', { userId: 'u2' })], own: [review('elsewhere', { productId: 'p2' })], hiddenOwn: new Set() }],
    ['a shopper whose review is on its way from this device', 'reviewed', { productId: 'p1', userId: 'u1', shown: [], own: [review('mine')], hiddenOwn: new Set() }],
    ['a shopper whose review, from another device, is shown', 'reviewed', { productId: 'p1', userId: 'u1', shown: [review('theirs', { userId: 'u1' })], own: [], hiddenOwn: new Set() }],
    ['a shopper whose review the shop hid', 'hidden', { productId: 'p1', userId: 'u1', shown: [], own: [review('mine')], hiddenOwn: new Set(['mine']) }],
    ['a shopper whose review of another product the shop hid', 'open', { productId: 'p1', userId: 'u1', shown: [], own: [review('mine', { productId: 'p2' })], hiddenOwn: new Set(['mine']) }],
    ['a shopper whose refused review became a deletion', 'open', { productId: 'p1', userId: 'u1', shown: [], own: [review('mine', { _deleted: true })], hiddenOwn: new Set() }],
  ])('offers %s: %s', (_who, expected, input) => {
    expect(toReviewing(input)).toBe(expected);
  });
});

describe('a review draft kept on the device', () => {
  it.each([
    ['nothing stored', null, undefined],
    ['not JSON', '{oops', undefined],
    ['an empty draft', JSON.stringify({ rating: 0, title: '', text: '' }), undefined],
    ['a draft', JSON.stringify({ rating: 4, title: 'Fresh', text: 'Sweet and soft' }), { rating: 4, title: 'Fresh', text: 'Sweet and soft' }],
    ['a rating out of range and a number for text', JSON.stringify({ rating: 9, title: 'T', text: 12 }), { rating: 0, title: 'T', text: '' }],
    ['text over the limit', JSON.stringify({ rating: 5, text: 'x'.repeat(5000) }), { rating: 5, title: '', text: 'x'.repeat(2000) }],
  ])('reads %s back as %j', (_, stored, expected) => {
    expect(parseReviewDraft(stored)).toEqual(expected);
  });

  it('keys a draft by product', () => {
    expect(toReviewDraftKey('demo-product-1')).toBe('oa-review-draft:demo-product-1');
  });
});
