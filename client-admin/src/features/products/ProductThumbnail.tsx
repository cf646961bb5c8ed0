/**
 * A product row's small picture: the product's first image at a fixed 56 × 56, loaded lazily and
 * sized up front so the list never shifts; a neutral placeholder when there is no image or it
 * does not load. Decorative (alt=""): the product's name is right beside it.
 */
import { toPhotoCrossOrigin } from '@oa/schema';
import { useState } from 'react';

export function ProductThumbnail({ src }: { src: string | undefined }) {
  // Remembers which address failed, so a product given a new image tries again.
  const [failed, setFailed] = useState<string | undefined>(undefined);
  if (src && failed !== src) {
    return <img className="products-thumb" src={src} alt="" width={56} height={56} loading="lazy" decoding="async" crossOrigin={toPhotoCrossOrigin(src)} onError={() => setFailed(src)} />;
  }
  return (
    <span className="products-thumb products-thumb--none" aria-hidden="true" data-testid="product-thumb-placeholder">
      <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
        <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
        <circle cx="9" cy="10" r="1.8" />
        <path d="M20.5 16l-5-5-8.5 8.5" />
      </svg>
    </span>
  );
}
