/**
 * The product editor's photos: each picture of the product as a thumbnail (the first is the main
 * one) with a Remove button, and Add photo, which opens the phone's camera or gallery. A new photo
 * is resized and kept on the device at once (data/product-photos.ts), shown from there, and
 * uploaded when the product is synced; offline, it waits. The image links stay editable below.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { toPhotoCrossOrigin } from '@oa/schema';

export interface PhotoPickerProps {
  /** The product's images, the main one first. */
  readonly images: readonly string[];
  readonly onChange: (images: string[]) => void;
  /** Prepares a photo and keeps it until uploaded; answers the address the product stores. */
  readonly addPhoto: (file: File) => Promise<string>;
  readonly maxImages: number;
}

export function PhotoPicker({ images, onChange, addPhoto, maxImages }: PhotoPickerProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  // Photos taken in this editor, shown from their bytes: the service worker may not be there yet.
  const [previews, setPreviews] = useState<ReadonlyMap<string, string>>(new Map());
  const previewsRef = useRef(previews);
  previewsRef.current = previews;
  useEffect(() => () => previewsRef.current.forEach((objectUrl) => URL.revokeObjectURL(objectUrl)), []);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // the same photo may be chosen again after removing it
    if (!file) return;
    setProblem(undefined);
    setBusy(true);
    try {
      const url = await addPhoto(file);
      setPreviews((current) => new Map(current).set(url, URL.createObjectURL(file)));
      if (!images.includes(url)) onChange([...images, url]);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  const full = images.length >= maxImages;
  return (
    <fieldset className="products-photos">
      <legend>Photos</legend>
      {images.length > 0 ? (
        <ul className="products-photos__list">
          {images.map((url, index) => (
            <li key={url} className="products-photos__item">
              <img src={previews.get(url) ?? url} crossOrigin={previews.has(url) ? undefined : toPhotoCrossOrigin(url)} alt={index === 0 ? 'Main photo' : `Photo ${index + 1}`} width={88} height={88} />
              <button type="button" className="products-button products-photos__remove" aria-label={`Remove ${index === 0 ? 'the main photo' : `photo ${index + 1}`}`} onClick={() => onChange(images.filter((image) => image !== url))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="products-photos__none">No photos yet.</p>
      )}
      <label className={`products-button products-photos__add${busy || full ? ' products-photos__add--disabled' : ''}`}>
        {busy ? 'Preparing the photo…' : full ? `At most ${maxImages} photos` : 'Add photo'}
        {/* No `capture`: the phone offers its camera and its gallery both. */}
        <input type="file" accept="image/*" className="visually-hidden" disabled={busy || full} onChange={(event) => void choose(event)} />
      </label>
      {problem ? <p className="products-form__problem" role="alert">{problem}</p> : null}
    </fieldset>
  );
}
