/**
 * Reviews in the shop, as pure rules: the review a shopper writes (a complete placeholder the
 * server replaces with its own: author, approval and timestamps are the server's), the form's
 * checks, which reviews a product page shows (approved and not removed, plus the shopper's own
 * while it is on its way, or once the shop has hidden it: to its author alone, saying so), whether
 * the shopper may write one, the average rating, and the draft kept on the device. No React, no RxDB.
 */
import type { Review } from '@oa/schema';
import { formatCount } from '@oa/client-sync';

export const maxReviewText = 2000;
export const maxReviewTitle = 120;

export interface ReviewForm {
  readonly rating: number;
  readonly title: string;
  readonly text: string;
}

/** The storage key of a product's review draft on this device. */
export const toReviewDraftKey = (productId: string): string => `oa-review-draft:${productId}`;

/**
 * A stored draft read back, or undefined: storage is the device's and may hold anything (another
 * version's shape, a hand edit), so every field is checked and cut to the form's limits.
 */
export function parseReviewDraft(stored: string | null): ReviewForm | undefined {
  if (!stored) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { rating, title, text } = value as Record<string, unknown>;
  const draft: ReviewForm = {
    rating: typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : 0,
    title: typeof title === 'string' ? title.slice(0, maxReviewTitle) : '',
    text: typeof text === 'string' ? text.slice(0, maxReviewText) : '',
  };
  return draft.rating || draft.title || draft.text ? draft : undefined;
}

export type ReviewCheck =
  | { readonly ok: true; readonly rating: number; readonly title: string | undefined; readonly text: string }
  | { readonly ok: false; readonly errors: Partial<Record<keyof ReviewForm, string>> };

export function checkReviewForm(form: ReviewForm): ReviewCheck {
  const errors: Partial<Record<keyof ReviewForm, string>> = {};
  const text = form.text.trim();
  const title = form.title.trim();
  if (!Number.isInteger(form.rating) || form.rating < 1 || form.rating > 5) errors.rating = 'Choose from 1 to 5 stars';
  if (text === '') errors.text = 'Say a few words about the product';
  else if (text.length > maxReviewText) errors.text = `Keep it within ${formatCount(maxReviewText)} characters`;
  if (title.length > maxReviewTitle) errors.title = `Keep the title within ${maxReviewTitle} characters`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, rating: form.rating, title: title || undefined, text };
}

export function toNewReview(input: {
  id: string;
  userId: string;
  userName: string | undefined;
  productId: string;
  rating: number;
  title: string | undefined;
  text: string;
  now: string;
}): Review {
  return {
    id: input.id,
    _deleted: false,
    createdAt: input.now,
    updatedAt: input.now,
    productId: input.productId,
    product: input.productId,
    userId: input.userId,
    user: input.userId,
    ...(input.userName ? { userName: input.userName.slice(0, 100) } : {}),
    rating: input.rating,
    ...(input.title ? { title: input.title } : {}),
    comment: input.text,
    reviewText: input.text,
    isApproved: true,
    isDeleted: false,
  };
}

/**
 * - shown: the server shows it to everyone;
 * - waiting: the shopper's own, written on this device, not back from the server yet;
 * - hidden: the shopper's own, which the shop has since hidden (the server dropped it from this
 *   device's catalogue): shown to its author alone, on the device that wrote it, saying so.
 */
export type ReviewState = 'shown' | 'waiting' | 'hidden';

export interface ReviewView {
  readonly id: string;
  readonly rating: number;
  readonly title: string | undefined;
  readonly text: string;
  readonly author: string;
  readonly date: string;
  readonly state: ReviewState;
}

type ReviewLike = Pick<Review, 'id' | 'productId' | 'rating' | 'comment' | 'createdAt'> &
  Partial<Pick<Review, '_deleted' | 'isApproved' | 'isDeleted' | 'title' | 'userName' | 'userId' | 'reviewText'>>;

const isShown = (review: ReviewLike): boolean => review._deleted !== true && review.isApproved !== false && review.isDeleted !== true;

const toView = (review: ReviewLike, state: ReviewState): ReviewView => ({
  id: review.id,
  rating: review.rating,
  title: review.title,
  text: review.comment || review.reviewText || '',
  author: review.userName || 'A shopper',
  date: review.createdAt,
  state,
});

const none: ReadonlySet<string> = new Set();

/**
 * A product's reviews, newest first: those the server shows everyone, and the shopper's own
 * written on this device that are not among them: waiting for the server, or hidden by the shop
 * (`hiddenOwn`: the ids the server has since dropped from this device's catalogue).
 */
export function toProductReviews(productId: string, shown: readonly ReviewLike[], own: readonly ReviewLike[], hiddenOwn: ReadonlySet<string> = none): ReviewView[] {
  const fromServer = shown.filter((review) => review.productId === productId && isShown(review));
  const known = new Set(fromServer.map((review) => review.id));
  const mine = own.filter((review) => review.productId === productId && review._deleted !== true && !known.has(review.id));
  return [...fromServer.map((review) => toView(review, 'shown')), ...mine.map((review) => toView(review, hiddenOwn.has(review.id) ? 'hidden' : 'waiting'))].sort((a, b) =>
    b.date.localeCompare(a.date),
  );
}

export interface RatingSummary {
  readonly average: number;
  readonly count: number;
}

/** The average of the shown reviews, to one decimal; 0 of 0 when there are none. */
export function summarizeRatings(reviews: readonly Pick<ReviewView, 'rating'>[]): RatingSummary {
  if (reviews.length === 0) return { average: 0, count: 0 };
  const total = reviews.reduce((sum, review) => sum + review.rating, 0);
  return { average: Math.round((total / reviews.length) * 10) / 10, count: reviews.length };
}

/** "★★★★☆" for 4: whole stars, for sighted readers; screen readers get the words. */
export function toStars(rating: number): string {
  const whole = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(whole) + '☆'.repeat(5 - whole);
}

/**
 * What the product page offers about writing a review: 'sign-in' to a visitor (or a shopper whose
 * session ended); 'hidden' when the shop hid this shopper's review (the server refuses a second
 * one, REVIEW_HIDDEN, so no form is offered only to be refused); 'reviewed' when they have one,
 * shown or on its way, from this device or another (one each); otherwise 'open'.
 */
export type Reviewing = 'sign-in' | 'open' | 'reviewed' | 'hidden';

export function toReviewing(input: {
  readonly productId: string;
  /** undefined: nobody is signed in to sync. */
  readonly userId: string | undefined;
  readonly shown: readonly ReviewLike[];
  readonly own: readonly ReviewLike[];
  readonly hiddenOwn: ReadonlySet<string>;
}): Reviewing {
  const { productId, userId, shown, own, hiddenOwn } = input;
  if (userId === undefined) return 'sign-in';
  const mine = (review: ReviewLike) => review.productId === productId && review._deleted !== true;
  const ownHere = own.filter(mine);
  if (ownHere.some((review) => hiddenOwn.has(review.id))) return 'hidden';
  return ownHere.length > 0 || shown.some((review) => mine(review) && review.userId === userId) ? 'reviewed' : 'open';
}
