/**
 * One product in the list: picture (or a placeholder of its size), name (a link to its page), price
 * in rupees, stock, rating, and the cart and wishlist buttons: "Add to cart" until it is in the
 * cart, then how many with − and +.
 */
import { formatRupees } from '@oa/client-sync';
import { useState } from 'react';
import { Link } from '../../shell/router';
import { toStars } from '../reviews/reviews.logic';
import { CartQuantity } from './CartQuantity';
import { toImages, toQuantityCap, toStockLabel, toStockState, type CatalogueProduct } from './catalogue.logic';
import { ProductImage } from './ProductImage';

export interface ProductCardProps {
  readonly product: CatalogueProduct;
  readonly onAdd: (productId: string) => void;
  /** Absent for visitors: saving for later needs an account. */
  readonly onWishlist?: ((productId: string, save: boolean) => void) | undefined;
  readonly wishlisted?: boolean;
  /** On the first screen: its picture loads at once, not when scrolled to (the page's largest paint). */
  readonly firstScreen?: boolean;
  /** How many are in the shopper's cart (0 or absent: not in it). */
  readonly quantity?: number;
  /** Sets the cart's quantity of a product; 0 takes it out. Absent: no − and + (only "Add to cart"). */
  readonly onQuantity?: ((productId: string, quantity: number) => void) | undefined;
}

export function ProductCard({ product, onAdd, onWishlist, wishlisted = false, firstScreen = false, quantity = 0, onQuantity }: ProductCardProps) {
  const [image] = toImages(product);
  const [added, setAdded] = useState(false);
  return (
    <li className="product" data-product-id={product.id}>
      <ProductImage className="product__image" src={image} alt="" size={96} loading={firstScreen ? 'eager' : 'lazy'} fetchPriority={firstScreen ? 'high' : 'auto'} />
      <div className="product__body">
        <h3 className="product__name">
          <Link to={{ name: 'product', id: product.id }}>{product.name}</Link>
        </h3>
        {product.unit ? <p className="product__unit">{product.unit}</p> : null}
        <p className="product__price">
          {formatRupees(product.price)}
          {product.mrp !== undefined && product.mrp > product.price ? <s className="product__mrp">{formatRupees(product.mrp)}</s> : null}
        </p>
        {product.ratingCount ? (
          <p className="product__rating" aria-label={`Rated ${product.ratingAverage} out of 5 by ${product.ratingCount}`}>
            <span aria-hidden="true">{toStars(product.ratingAverage ?? 0)} ({product.ratingCount})</span>
          </p>
        ) : null}
        <p className={`product__stock product__stock--${toStockState(product.stock)}`}>{toStockLabel(product.stock)}</p>
        <div className="product__actions">
          {quantity > 0 && onQuantity ? (
            <CartQuantity productName={product.name} quantity={quantity} max={toQuantityCap(product.stock)} onChange={(next) => onQuantity(product.id, next)} focusOnShow={added} />
          ) : product.stock > 0 ? (
            <button type="button" className="product__add" aria-label={`Add ${product.name} to cart`} onClick={() => { setAdded(true); onAdd(product.id); }}>Add to cart</button>
          ) : null}
          {onWishlist ? (
            <button
              type="button"
              className="product__save"
              aria-pressed={wishlisted}
              aria-label={wishlisted ? `Remove ${product.name} from wishlist` : `Save ${product.name} to wishlist`}
              onClick={() => onWishlist(product.id, !wishlisted)}
            >
              {wishlisted ? '♥' : '♡'}
            </button>
          ) : null}
        </div>
      </div>
    </li>
  );
}
