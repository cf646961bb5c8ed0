import { sampleDocument, type Product, type Review } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { planRating } from './plan-rating';

const product = (overrides: Partial<Product> = {}): Product => sampleDocument('products', { id: 'laddu', slug: 'laddu', ratingAverage: 4, ratingCount: 1, ...overrides }) as Product;
const review = (id: string, rating: number, overrides: Partial<Review> = {}): Review =>
  sampleDocument('reviews', { id, productId: 'laddu', product: 'laddu', rating, isApproved: true, isDeleted: false, ...overrides }) as Review;

describe('planRating', () => {
  it('rates the product over its reviews with the written one as it will be', () => {
    const planned = planRating({ product: { seq: 5, product: product() }, reviews: [review('r1', 4)], written: review('r2', 2) });
    expect(planned).toMatchObject({ productId: 'laddu', expectedSeq: 5, product: { ratingAverage: 3, ratingCount: 2 } });
  });

  it('leaves a hidden review out, the written one replacing its stored state', () => {
    const planned = planRating({ product: { seq: 5, product: product({ ratingAverage: 3, ratingCount: 2 }) }, reviews: [review('r1', 4), review('r2', 2)], written: review('r2', 2, { isDeleted: true }) });
    expect(planned).toMatchObject({ product: { ratingAverage: 4, ratingCount: 1 } });
  });

  it.each([
    ['the rating does not change', { seq: 5, product: product() }],
    ['the product is gone', undefined],
    ['the product is deleted', { seq: 5, product: product({ _deleted: true }) }],
  ])('writes no product when %s', (_case, stored) => {
    expect(planRating({ product: stored, reviews: [], written: review('r1', 4) })).toBeNull();
  });
});
