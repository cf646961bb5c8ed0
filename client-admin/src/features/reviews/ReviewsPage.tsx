/** The moderation queue: reviews as shoppers see them (or hidden, deleted, all), with approve, hide, delete and restore; changes reach the shop live. */
import type { Review } from '@oa/schema';
import { formatIndiaDateTime } from '@oa/client-sync';
import { useMemo, useState } from 'react';
import { selectReviews, toModerationMoves, toReviewState, type ModerationFilter } from './moderation.logic';

export interface ReviewsPageProps {
  readonly reviews: readonly Review[] | undefined;
  readonly productNames: ReadonlyMap<string, string>;
  readonly waiting: ReadonlySet<string>;
  readonly onModerate: (reviewId: string, change: { isApproved?: boolean; isDeleted?: boolean }) => void;
}

const filters: Array<[ModerationFilter, string]> = [['shown', 'Shown'], ['hidden', 'Hidden'], ['deleted', 'Deleted'], ['all', 'All']];
const stateLabels = { shown: 'Shown in the shop', hidden: 'Hidden', deleted: 'Deleted' } as const;

export function ReviewsPage({ reviews, productNames, waiting, onModerate }: ReviewsPageProps) {
  const [filter, setFilter] = useState<ModerationFilter>('shown');
  const [search, setSearch] = useState('');
  const shown = useMemo(() => selectReviews(reviews ?? [], filter, search, productNames), [reviews, filter, search, productNames]);
  if (reviews === undefined) return <p className="empty">Loading reviews…</p>;
  return (
    <section aria-labelledby="reviews-title">
      <h2 id="reviews-title">Reviews</h2>
      <div className="chips" role="group" aria-label="Show">
        {filters.map(([value, label]) => (
          <button key={value} type="button" aria-pressed={filter === value} onClick={() => setFilter(value)}>{label}</button>
        ))}
      </div>
      <label className="search">Search <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Words, product or author" /></label>
      <p className="count" aria-live="polite">{shown.length === 1 ? '1 review' : `${shown.length} reviews`}</p>
      <ul className="rows" data-testid="reviews">
        {shown.map((review) => (
          <li key={review.id} className="row row--plain" data-review-id={review.id}>
            <div>
              <strong>{productNames.get(review.productId) ?? review.productId}</strong> · {'★'.repeat(review.rating)}{'☆'.repeat(5 - review.rating)}
              {review.title ? <p><strong>{review.title}</strong></p> : null}
              <p>{review.comment}</p>
              <p className="row__meta">
                {review.userName ?? 'A shopper'} · {formatIndiaDateTime(review.createdAt)} · {stateLabels[toReviewState(review)]}
                {waiting.has(review.id) ? <span className="waiting"> · Waiting to sync</span> : null}
              </p>
            </div>
            <div className="row__actions">
              {toModerationMoves(review).map((move) => (
                <button key={move.label} type="button" onClick={() => onModerate(review.id, move.change)}>{move.label}</button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
