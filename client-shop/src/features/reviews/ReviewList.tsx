/**
 * A product's reviews with the average rating of those the shop shows. The shopper's own shows
 * "Sending…" until the server has it, and, once the shop has hidden it, says so to its author.
 */
import { formatIndiaDate } from '@oa/client-sync';
import { summarizeRatings, toStars, type ReviewView } from './reviews.logic';

export function ReviewList({ reviews }: { reviews: readonly ReviewView[] }) {
  const published = reviews.filter((review) => review.state === 'shown');
  const summary = summarizeRatings(published);
  return (
    <section aria-labelledby="reviews-title" className="reviews">
      <h3 id="reviews-title">Reviews</h3>
      {summary.count > 0 ? (
        <p className="reviews__summary" data-testid="rating-summary">
          <span aria-hidden="true">{toStars(summary.average)} </span>
          {summary.average.toFixed(1)} out of 5 · {summary.count === 1 ? '1 review' : `${summary.count} reviews`}
        </p>
      ) : (
        <p className="empty">No reviews yet.</p>
      )}
      <ul className="reviews__list">
        {reviews.map((review) => (
          <li key={review.id} className="review" data-review-id={review.id}>
            <p className="review__head">
              <span aria-label={`${review.rating} out of 5`}>{toStars(review.rating)}</span>
              {review.title ? <strong> {review.title}</strong> : null}
            </p>
            <p className="review__text">{review.text}</p>
            <p className="review__by">
              {review.author} · {formatIndiaDate(review.date)}
              {review.state === 'waiting' ? <span className="review__waiting"> · Sending…</span> : null}
              {review.state === 'hidden' ? <span className="review__hidden"> · Hidden by the shop: only you see it, on this device</span> : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
