/**
 * Builds a shopper's new review, whole and valid under `reviewSchema`: one review per product and
 * customer, a whole-star rating from 1 to 5, approved by default, written by the caller whatever
 * the document claims. Both legacy names of each pair are filled. Pure: the caller looks up the
 * product and whether this customer already reviewed it, and refreshes the product's rating after.
 */
import { reviewSchema, toValidationError, type Product, type Review } from '@oa/schema';
import { isProductAvailable } from '../products/is-product-available';

/** What a shopper may send (raw pushed values are fine: everything is checked here). */
export interface ReviewInput {
  readonly productId?: unknown;
  readonly product?: unknown;
  readonly rating?: unknown;
  readonly title?: unknown;
  readonly comment?: unknown;
  readonly reviewText?: unknown;
}

export interface PrepareReviewInput {
  readonly id: string;
  /** From the token and the caller's stored profile, never from the document. */
  readonly caller: { readonly id: string; readonly name: string };
  readonly input: ReviewInput;
  /** The stored product the review names, deleted or not; undefined when there is none. */
  readonly product: Pick<Product, 'id' | 'name' | '_deleted' | 'isActive'> | undefined;
  /**
   * This customer's live review of this product, if there is one, approved or not, moderated away
   * (`isDeleted`) or not: a removed review cannot be replaced by posting again. Its moderation says
   * which answer is true: "you already reviewed it" or "the shop hid your review".
   */
  readonly existingByCaller: Pick<Review, 'isApproved' | 'isDeleted'> | undefined;
  readonly now: string;
}

export type PrepareReviewResult =
  | { readonly ok: true; readonly review: Review }
  | {
      readonly ok: false;
      readonly code: 'DUPLICATE_REVIEW' | 'REVIEW_HIDDEN' | 'PRODUCT_UNAVAILABLE' | 'BAD_RATING' | 'VALIDATION_FAILED';
      readonly reason: string;
      readonly fields: readonly string[];
    };

const maxUserName = reviewSchema.shape.userName.unwrap().maxLength ?? 100;

/** Why a second review of one product by one shopper is refused (here, or by the unique index). */
export function duplicateReviewReason(productName: string): string {
  return `You have already reviewed ${productName}; each customer reviews a product once.`;
}

export function prepareReview({ id, caller, input, product, existingByCaller, now }: PrepareReviewInput): PrepareReviewResult {
  const productId = pickAlias(input.productId, input.product);
  if (productId === conflict) return refuse('VALIDATION_FAILED', 'productId and product name different products.', ['productId', 'product']);
  const text = pickAlias(input.comment, input.reviewText);
  if (text === conflict) return refuse('VALIDATION_FAILED', 'comment and reviewText differ; send the same text in both.', ['comment', 'reviewText']);

  // A product the shop no longer shows cannot gather reviews (its page is gone for shoppers).
  if (typeof productId !== 'string' || product?.id !== productId || !isProductAvailable(product)) {
    const name = product && product.id === productId ? product.name : 'This product';
    return refuse('PRODUCT_UNAVAILABLE', `${name} is no longer sold, so it cannot be reviewed.`, ['productId']);
  }
  if (existingByCaller) {
    // The shopper's app no longer holds a hidden review (shoppers see approved ones only), so it
    // offers the form again: say what happened rather than "your review stays on the page".
    if (!existingByCaller.isApproved || existingByCaller.isDeleted) {
      return refuse('REVIEW_HIDDEN', `The shop has hidden your earlier review of ${product.name}, so another cannot be posted.`, ['productId']);
    }
    return refuse('DUPLICATE_REVIEW', duplicateReviewReason(product.name), ['productId']);
  }
  const { rating } = input;
  if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5) {
    return refuse('BAD_RATING', 'Choose a rating from 1 to 5 stars.', ['rating']);
  }

  const body = typeof text === 'string' ? text.trim() : (text ?? '');
  const title = typeof input.title === 'string' ? input.title.trim() : input.title;
  const userName = caller.name.trim().slice(0, maxUserName);
  const review = {
    id,
    _deleted: false,
    createdAt: now,
    updatedAt: now,
    productId,
    product: productId,
    userId: caller.id,
    user: caller.id,
    ...(userName ? { userName } : {}),
    rating,
    ...(title === undefined || title === null || title === '' ? {} : { title }),
    comment: body,
    reviewText: body,
    // Approved by default (the shop's rule); only an admin's moderation changes these two.
    isApproved: true,
    isDeleted: false,
  };
  const parsed = reviewSchema.safeParse(review);
  if (!parsed.success) {
    const error = toValidationError(parsed.error.issues);
    return refuse('VALIDATION_FAILED', error.message, error.fields);
  }
  return { ok: true, review: parsed.data };
}

const conflict = Symbol('conflict');

/** The value of a legacy pair: whichever name is set, or `conflict` when both are set and differ. */
function pickAlias(a: unknown, b: unknown): unknown {
  if (a === undefined || a === null) return b ?? undefined;
  if (b === undefined || b === null || b === a) return a;
  return conflict;
}

function refuse(
  code: 'DUPLICATE_REVIEW' | 'REVIEW_HIDDEN' | 'PRODUCT_UNAVAILABLE' | 'BAD_RATING' | 'VALIDATION_FAILED',
  reason: string,
  fields: readonly string[],
): PrepareReviewResult {
  return { ok: false, code, reason, fields };
}
