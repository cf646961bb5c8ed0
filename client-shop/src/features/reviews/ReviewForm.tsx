/** Write a review: a 1–5 star choice (radio buttons, so the keyboard works), an optional title and the text. Saved offline; sent when online. */
import { useState, type FormEvent } from 'react';
import { Field } from '@oa/client-sync/react';
import { checkReviewForm, maxReviewText, maxReviewTitle, type ReviewForm as ReviewFormValues } from './reviews.logic';

export interface ReviewFormProps {
  readonly productName: string;
  readonly onSubmit: (review: { rating: number; title: string | undefined; text: string }) => Promise<void>;
}

export function ReviewForm({ productName, onSubmit }: ReviewFormProps) {
  const [form, setForm] = useState<ReviewFormValues>({ rating: 0, title: '', text: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof ReviewFormValues, string>>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = checkReviewForm(form);
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    setBusy(true);
    try {
      await onSubmit({ rating: check.rating, title: check.title, text: check.text });
      setForm({ rating: 0, title: '', text: '' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form review-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="review-form-title">
      <h3 id="review-form-title">Review {productName}</h3>
      <fieldset className="stars">
        <legend>Your rating</legend>
        {[1, 2, 3, 4, 5].map((stars) => (
          <label key={stars} className="stars__choice">
            <input type="radio" name="rating" value={stars} checked={form.rating === stars} onChange={() => setForm({ ...form, rating: stars })} />
            <span>{stars} {stars === 1 ? 'star' : 'stars'}</span>
          </label>
        ))}
        {errors.rating ? <span className="problem">{errors.rating}</span> : null}
      </fieldset>
      <Field label="Title (optional)" error={errors.title}>
        {(control) => <input {...control} value={form.title} maxLength={maxReviewTitle} onChange={(event) => setForm({ ...form, title: event.target.value })} />}
      </Field>
      <Field label="Your review" error={errors.text}>
        {(control) => <textarea {...control} value={form.text} rows={4} maxLength={maxReviewText} onChange={(event) => setForm({ ...form, text: event.target.value })} />}
      </Field>
      <button type="submit" disabled={busy}>Post review</button>
    </form>
  );
}
