/**
 * Write a review: a 1–5 star choice (radio buttons, so the keyboard works), an optional title and
 * the text. Saved offline; sent when online. With a `draftKey`, what the shopper writes is kept on
 * the device as they type and after posting, so a review the server refuses (the form comes back)
 * comes back with its words instead of losing them.
 */
import { useState, type FormEvent } from 'react';
import { Field } from '@oa/client-sync/react';
import { checkReviewForm, maxReviewText, maxReviewTitle, parseReviewDraft, type ReviewForm as ReviewFormValues } from './reviews.logic';

export interface ReviewFormProps {
  readonly productName: string;
  readonly onSubmit: (review: { rating: number; title: string | undefined; text: string }) => Promise<void>;
  /** Where the draft is kept on this device (toReviewDraftKey); none keeps nothing. */
  readonly draftKey?: string | undefined;
}

const emptyForm: ReviewFormValues = { rating: 0, title: '', text: '' };

/** The device's storage, when there is one to use (private modes may refuse it). */
function readDraft(key: string | undefined): ReviewFormValues | undefined {
  if (!key) return undefined;
  try {
    return parseReviewDraft(localStorage.getItem(key));
  } catch {
    return undefined;
  }
}

function keepDraft(key: string | undefined, form: ReviewFormValues): void {
  if (!key) return;
  try {
    localStorage.setItem(key, JSON.stringify(form));
  } catch {
    // A full or refused storage only loses the draft's copy; the form still holds the words.
  }
}

export function ReviewForm({ productName, onSubmit, draftKey }: ReviewFormProps) {
  const [restored] = useState(() => readDraft(draftKey));
  const [form, setFormState] = useState<ReviewFormValues>(restored ?? emptyForm);
  const setForm = (next: ReviewFormValues) => {
    setFormState(next);
    keepDraft(draftKey, next);
  };
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
      // The form goes once the review is on the device; the stored draft stays until a new one
      // replaces it, so a refusal (the form shown again) still has the shopper's words.
      setFormState(emptyForm);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form review-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="review-form-title">
      <h3 id="review-form-title">Review {productName}</h3>
      {restored ? <p className="note" data-testid="review-draft-restored">What you wrote last time is back in the form.</p> : null}
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
      <button type="submit" className="primary" disabled={busy}>Post review</button>
    </form>
  );
}
