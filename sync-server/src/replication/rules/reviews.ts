/**
 * Review rules on push: a shopper's review is built by the domain rule (one per product and
 * customer, approved by default, the author is the caller); an admin changes only `isApproved`
 * and `isDeleted`. After either, the product's average rating and review count are recomputed
 * from its approved, undeleted reviews.
 */
import type { Product, Review } from '@oa/schema';
import { prepareReview, type ReviewInput } from '../../domain/reviews/prepare-review';
import { summarizeRatings } from '../../domain/reviews/summarize-ratings';
import { authoritativeState } from '../../policy/caller-view';
import { prepareWrite } from '../../policy/prepare-write';
import type { Storage, StoredRow } from '../../storage/port';
import type { CollectionRules, RowOutcome, RuleContext } from '../push';
import type { PushRow } from '../push-rows';

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
  const productId = String(row.incoming.productId ?? row.incoming.product ?? '');
  const [product] = productId ? await storage.readByIds('products', [productId]) : [];
  const [user] = await storage.readByIds('users', [caller.id]);
  const existing = productId ? await storage.findOne('reviews', { productId, userId: caller.id }) : undefined;
  const prepared = prepareReview({
    id: row.id,
    caller: { id: caller.id, name: typeof user?.doc.name === 'string' ? user.doc.name : 'Shopper' },
    input: row.incoming as ReviewInput,
    product: product?.doc as unknown as Product | undefined,
    existingByCaller: existing !== undefined,
    now: context.now().toISOString(),
  });
  if (!prepared.ok) return refused(context, row.id, stored, prepared.code, prepared.reason);
  const [result] = await storage.write('reviews', [{ id: row.id, expectedSeq: stored?.seq ?? null, doc: prepared.review }]);
  if (result?.kind === 'conflict') return { kind: 'conflict', state: authoritativeState('reviews', caller, row.id, result.current?.doc) };
  if (result?.kind !== 'written') return refused(context, row.id, stored, 'REVIEW_NOT_SAVED', 'The review could not be saved just now; try again');
  await refreshRating(storage, prepared.review.productId);
  return { kind: 'written' };
}

async function moderate(context: RuleContext, row: PushRow, stored: StoredRow): Promise<RowOutcome> {
  const { storage, caller } = context;
  // The generic rule enforces who may change what (admins: isApproved and isDeleted only).
  const prepared = prepareWrite({ collection: 'reviews', caller, stored: stored.doc, incoming: row.incoming, now: context.now().toISOString() });
  if (prepared.kind === 'refuse') return refused(context, row.id, stored, prepared.code, prepared.message);
  if (prepared.kind === 'unchanged') return { kind: 'written' };
  const [result] = await storage.write('reviews', [{ id: row.id, expectedSeq: stored.seq, doc: prepared.doc }]);
  if (result?.kind === 'conflict') return { kind: 'conflict', state: authoritativeState('reviews', caller, row.id, result.current?.doc) };
  if (result?.kind !== 'written') return refused(context, row.id, stored, 'REVIEW_NOT_SAVED', 'The review could not be saved just now; try again');
  await refreshRating(storage, String((stored.doc as unknown as Review).productId));
  return { kind: 'written' };
}

/** Recomputes a product's rating from its reviews, with compare-and-set (retried on a race). */
async function refreshRating(storage: Storage, productId: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const [product] = await storage.readByIds('products', [productId]);
    if (!product || product.doc._deleted) return;
    const reviews = await storage.findMany('reviews', { productId }, maxReviewsPerProduct);
    const summary = summarizeRatings(reviews.map((r) => r.doc as unknown as Review));
    if (product.doc.ratingAverage === summary.ratingAverage && product.doc.ratingCount === summary.ratingCount) return;
    const [result] = await storage.write('products', [{ id: productId, expectedSeq: product.seq, doc: { ...product.doc, ...summary } }]);
    if (result?.kind === 'written') return;
  }
}
