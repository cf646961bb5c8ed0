/**
 * A product's picture at a fixed size (no layout shift), or a neutral placeholder of the same size
 * when it has none or the picture fails to load (offline, before the service worker cached it).
 * Shared by the list's cards and the product's page.
 */
import { toPhotoCrossOrigin } from '@oa/schema';
import { useState } from 'react';

export interface ProductImageProps {
  readonly src: string | undefined;
  /** '' for a decorative picture (the card names the product next to it). */
  readonly alt: string;
  /** The picture's class; the placeholder adds `${className}--none`. */
  readonly className: string;
  readonly size: number;
  readonly loading?: 'eager' | 'lazy';
  readonly fetchPriority?: 'high' | 'auto';
}

export function ProductImage({ src, alt, className, size, loading = 'lazy', fetchPriority = 'auto' }: ProductImageProps) {
  const [failed, setFailed] = useState<string | undefined>(undefined);
  if (src && failed !== src) {
    return (
      <img
        className={className}
        src={src}
        alt={alt}
        width={size}
        height={size}
        loading={loading}
        fetchPriority={fetchPriority}
        decoding="async"
        crossOrigin={toPhotoCrossOrigin(src)}
        onError={() => setFailed(src)}
      />
    );
  }
  return (
    <span
      className={`${className} ${className}--none`}
      data-testid="product-image-placeholder"
      {...(alt ? { role: 'img', 'aria-label': `${alt} (no picture)` } : { 'aria-hidden': true })}
    >
      <svg viewBox="0 0 24 24" width={Math.round(size / 3)} height={Math.round(size / 3)} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <rect x="3" y="5" width="18" height="14" rx="2" />
        <circle cx="9" cy="10" r="1.6" />
        <path d="M21 16l-5-5-9 8" />
      </svg>
    </span>
  );
}
