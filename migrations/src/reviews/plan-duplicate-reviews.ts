/**
 * Pure: which reviews go so that each shopper has one live review per product, as the unique
 * index `reviews_one_per_shopper` requires (an earlier version checked by reading first, and two
 * pushes racing could both store one). Per product: the duplicates retired (deleted, so replicas
 * drop them) and the product's rating over what stays. The shopper's first review stays (earliest
 * `createdAt`, then lowest sequence): the one every reader saw first.
 */
import type { StoredRow } from '@oa/sync-server/storage';
import { summarizeRatings, type RatedReview } from '@oa/sync-server/domain/reviews/summarize-ratings';

export interface DuplicateReviewPlan {
  readonly productId: string;
  /** The reviews to delete, each as it should be written (with the sequence it was read at). */
  readonly retire: ReadonlyArray<{ readonly id: string; readonly expectedSeq: number; readonly doc: StoredRow['doc'] }>;
  /** The product's new rating, when it has a stored product whose rating changes. */
  readonly product: { readonly id: string; readonly expectedSeq: number; readonly doc: StoredRow['doc'] } | null;
}

/** `reviews`: every stored review (any product); `products`: the stored products by id. */
export function planDuplicateReviews(reviews: readonly StoredRow[], products: ReadonlyMap<string, StoredRow>): DuplicateReviewPlan[] {
  const groups = new Map<string, StoredRow[]>();
  for (const row of reviews) {
    const { productId, userId } = row.doc;
    // The index covers live reviews holding both fields as values; the others never collide.
    if (row.doc._deleted || !isKeyValue(productId) || !isKeyValue(userId)) continue;
    const key = JSON.stringify([productId, userId]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const retiredByProduct = new Map<string, StoredRow[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [, ...later] = [...group].sort(byFirstWritten);
    const productId = String(group[0]!.doc.productId);
    retiredByProduct.set(productId, [...(retiredByProduct.get(productId) ?? []), ...later]);
  }
  return [...retiredByProduct].map(([productId, retired]) => {
    const retiredIds = new Set(retired.map((row) => row.doc.id));
    const staying = reviews.filter((row) => row.doc.productId === productId && !retiredIds.has(row.doc.id)).map((row) => row.doc as unknown as RatedReview);
    const stored = products.get(productId);
    const summary = summarizeRatings(staying);
    const changes = stored && !stored.doc._deleted && (stored.doc.ratingAverage !== summary.ratingAverage || stored.doc.ratingCount !== summary.ratingCount);
    return {
      productId,
      retire: retired.map((row) => ({ id: row.doc.id, expectedSeq: row.seq, doc: { ...row.doc, _deleted: true } })),
      product: changes ? { id: stored.doc.id, expectedSeq: stored.seq, doc: { ...stored.doc, ...summary } } : null,
    };
  });
}

function isKeyValue(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

function byFirstWritten(a: StoredRow, b: StoredRow): number {
  const at = (row: StoredRow) => (typeof row.doc.createdAt === 'string' ? row.doc.createdAt : '\uffff');
  return at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : a.seq - b.seq;
}
