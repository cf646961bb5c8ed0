/**
 * A product's page: its pictures (or a placeholder of their size), price in rupees, stock,
 * description, the cart button (then how many are in the cart, with − and +), the wishlist
 * button, its approved reviews with the average rating, and the review form for a signed-in
 * shopper who has not reviewed it yet (or what stands in its way). All from the device's databases, so it works offline.
 */
import { formatRupees } from '@oa/client-sync';
import { useState } from 'react';
import { Link } from '../../shell/router';
import { CartQuantity } from '../catalogue/CartQuantity';
import { toImages, toQuantityCap, toStockLabel, toStockState, type CatalogueProduct } from '../catalogue/catalogue.logic';
import { ProductImage } from '../catalogue/ProductImage';
import { toPhotoCrossOrigin } from '@oa/schema';
import { ReviewForm, type ReviewFormProps } from '../reviews/ReviewForm';
import { ReviewList } from '../reviews/ReviewList';
import { toReviewDraftKey, type Reviewing, type ReviewView } from '../reviews/reviews.logic';

export interface ProductPageProps {
  /** undefined: not in this device's catalogue (never was, or no longer sold). */
  readonly product: CatalogueProduct | undefined;
  readonly categoryName: string | undefined;
  readonly reviews: readonly ReviewView[];
  /** What to offer about writing a review (toReviewing). */
  readonly reviewing: Reviewing;
  readonly onAdd: (productId: string) => void;
  readonly onWishlist?: ((productId: string, save: boolean) => void) | undefined;
  readonly wishlisted: boolean;
  readonly onReview: ReviewFormProps['onSubmit'];
  /** How many of it the shopper's cart holds (0 or absent: none). */
  readonly quantity?: number;
  /** Sets the cart's quantity of the product; 0 takes it out. Absent: only "Add to cart". */
  readonly onQuantity?: ((productId: string, quantity: number) => void) | undefined;
}

export function ProductPage({ product, categoryName, reviews, reviewing, onAdd, onWishlist, wishlisted, onReview, quantity = 0, onQuantity }: ProductPageProps) {
  const [shownImage, setShownImage] = useState(0);
  // The product whose "Add to cart" was just pressed (the page stays mounted from product to product).
  const [addedId, setAddedId] = useState<string | undefined>();
  if (!product) {
    return (
      <section className="panel">
        <h2>This product is not in the shop</h2>
        <p>It may no longer be sold. <Link to={{ name: 'shop' }}>Back to the shop</Link></p>
      </section>
    );
  }
  const images = toImages(product);
  const image = images[Math.min(shownImage, images.length - 1)];
  return (
    <article className="product-page" aria-labelledby="product-title">
      <p className="crumbs"><Link to={{ name: 'shop' }}>Shop</Link>{categoryName ? ` › ${categoryName}` : null}</p>
      <div className="product-page__top">
        <div className="gallery">
          <ProductImage className="gallery__main" src={image} alt={product.name} size={320} loading="eager" fetchPriority="high" />
          {images.length > 1 ? (
            <div className="gallery__thumbs">
              {images.map((src, index) => (
                <button key={src} type="button" aria-label={`Picture ${index + 1} of ${images.length}`} aria-pressed={index === shownImage} onClick={() => setShownImage(index)}>
                  <img src={src} alt="" width={56} height={56} loading="lazy" crossOrigin={toPhotoCrossOrigin(src)} />
                </button>
              ))}
            </div>
          ) : null}
        </div>
        <div className="product-page__facts">
          <h2 id="product-title">{product.name}</h2>
          {product.unit ? <p className="product__unit">{product.unit}</p> : null}
          <p className="product__price product-page__price">
            {formatRupees(product.price)}
            {product.mrp !== undefined && product.mrp > product.price ? <s className="product__mrp">{formatRupees(product.mrp)}</s> : null}
          </p>
          <p className={`product__stock product__stock--${toStockState(product.stock)}`}>{toStockLabel(product.stock)}</p>
          <div className="product__actions">
            {quantity > 0 && onQuantity ? (
              <CartQuantity productName={product.name} quantity={quantity} max={toQuantityCap(product.stock)} onChange={(next) => onQuantity(product.id, next)} focusOnShow={addedId === product.id} />
            ) : product.stock > 0 ? (
              <button type="button" className="product__add" onClick={() => { setAddedId(product.id); onAdd(product.id); }}>Add to cart</button>
            ) : null}
            {onWishlist ? (
              <button type="button" className="product__save product__save--wide" aria-pressed={wishlisted} onClick={() => onWishlist(product.id, !wishlisted)}>
                {wishlisted ? '♥ Saved' : '♡ Save for later'}
              </button>
            ) : null}
          </div>
          {product.description ? <p className="product-page__description">{product.description}</p> : null}
        </div>
      </div>
      <ReviewList reviews={reviews} />
      {reviewing === 'open' ? <ReviewForm productName={product.name} onSubmit={onReview} draftKey={toReviewDraftKey(product.id)} /> : null}
      {reviewing === 'reviewed' ? <p className="note">You have reviewed this product. Thank you!</p> : null}
      {reviewing === 'hidden' ? (
        <p className="note" data-testid="review-hidden">
          The shop has hidden your review of this product, so another cannot be posted. Ask the shop if you think it should be shown.
        </p>
      ) : null}
      {reviewing === 'sign-in' ? <p className="note"><Link to={{ name: 'account' }}>Sign in</Link> to write a review.</p> : null}
    </article>
  );
}
