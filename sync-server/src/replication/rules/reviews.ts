/**
 * Review rules on push: a shopper's review is built by the domain rule (one per product and
 * customer, approved by default, the author is the caller); an admin changes only `isApproved`
 * and `isDeleted`. Either is one unit of work with the product's average rating and review count
 * over its approved, undeleted reviews (planRating), planned again when the product moved.
 */
import { idSchema, type Product, type Review } from '@oa/schema';
import { duplicateReviewReason, prepareReview, type ReviewInput } from '../../domain/reviews/prepare-review';
import { isProductAvailable } from '../../domain/products/is-product-available';
import { planRating } from '../../domain/reviews/plan-rating';
import { authoritativeState } from '../../policy/caller-view';
import { prepareWrite } from '../../policy/prepare-write';
import type { StoredRow } from '../../storage/port';
import type { CollectionRules, RowOutcome, RuleContext } from '../push';
import type { PushRow } from '../push-rows';
import { toProductWrites } from './to-product-writes';

const maxReviewsPerProduct = 10_000;

export function createReviewRules(): CollectionRules {
  return {
    async handleRow(context, row, stored) {
      if (stored && !stored.doc._deleted) return moderate(context, row, stored);
      return create(context, row, stored);
    },
  };
}

function refused(context: RuleContext, id: string, stored: StoredRow | undefined, code: string, message: string): RowOutcome {
  return { kind: 'refused', code, message, state: authoritativeState('reviews', context.caller, id, stored?.doc) };
}

async function create(context: RuleContext, row: PushRow, stored: StoredRow | undefined): Promise<RowOutcome> {
  const { storage, caller } = context;
  if (row.incoming._deleted === true) return { kind: 'written' };
  if (caller.role !== 'customer') return refused(context, row.id, stored, 'FORBIDDEN', 'Only shoppers write reviews');
  // Read by type before any use: only an id names a product (prepareReview then checks the rest).
  const named = row.incoming.productId ?? row.incoming.product;
  const productId = idSchema.safeParse(named).success ? (named as string) : '';
  const [product] = productId ? await storage.readByIds('products', [productId]) : [];
  const [user] = await storage.readByIds('users', [caller.id]);
  const existing = productId ? await storage.findOne('reviews', { productId, userId: caller.id }) : undefined;
  const prepared = prepareReview({
    id: row.id,
    caller: { id: caller.id, name: typeof user?.doc.name === 'string' ? user.doc.name : 'Shopper' },
    input: row.incoming as ReviewInput,
    // Only what the shop shows: an inactive or deleted product is answered as one that does not exist.
    product: product && isProductAvailable(product.doc as unknown as Product) ? (product.doc as unknown as Product) : undefined,
    existingByCaller: existing && { isApproved: existing.doc.isApproved === true, isDeleted: existing.doc.isDeleted === true },
    now: context.now().toISOString(),
  });
  if (!prepared.ok) return refused(context, row.id, stored, prepared.code, prepared.reason);
  return commitWithRating(context, row.id, stored, prepared.review);
}

async function moderate(context: RuleContext, row: PushRow, stored: StoredRow): Promise<RowOutcome> {
  const { caller } = context;
  // The generic rule enforces who may change what (admins: isApproved and isDeleted only).
  const prepared = prepareWrite({ collection: 'reviews', caller, stored: stored.doc, incoming: row.incoming, now: context.now().toISOString() });
  if (prepared.kind === 'refuse') return refused(context, row.id, stored, prepared.code, prepared.message);
  if (prepared.kind === 'unchanged') return { kind: 'written' };
  return commitWithRating(context, row.id, stored, prepared.doc as unknown as Review);
}

/** How often a review is planned again after its product moved (another review, an order). */
const maxPlans = 100;

/** The review and its product's rating, as one unit; planned again when the product moved. */
async function commitWithRating(context: RuleContext, id: string, stored: StoredRow | undefined, review: Review): Promise<RowOutcome> {
  const { storage, caller } = context;
  for (let plan = 0; plan < maxPlans; plan++) {
    const [products, reviews] = await Promise.all([
      storage.readByIds('products', [review.productId]),
      storage.findMany('reviews', { productId: review.productId }, maxReviewsPerProduct),
    ]);
    const product = products[0];
    const rating = planRating({
      product: product && { seq: product.seq, product: product.doc as unknown as Product },
      reviews: reviews.map((r) => r.doc as unknown as Review),
      written: review,
    });
    const result = await storage.commit([
      { collection: 'reviews', id, expectedSeq: stored?.seq ?? null, doc: review as unknown as StoredRow['doc'] },
      ...toProductWrites(rating ? [rating] : []),
    ]);
    if (result.kind === 'committed') return { kind: 'written' };
    if (result.kind === 'moved' && result.collection === 'reviews') return { kind: 'conflict', state: authoritativeState('reviews', caller, id, result.current?.doc) };
    if (result.kind === 'moved') continue;
    // The unique index (reviews_one_per_shopper) decided: another push by this shopper stored a
    // review of this product after we looked (another device, another server process).
    if (result.kind === 'duplicate' && result.collection === 'reviews') {
      const name = typeof product?.doc.name === 'string' ? product.doc.name : 'this product';
      return refused(context, id, stored, 'DUPLICATE_REVIEW', duplicateReviewReason(name));
    }
    break;
  }
  return refused(context, id, stored, 'REVIEW_NOT_SAVED', 'The review could not be saved just now; try again');
}
