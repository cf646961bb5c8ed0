/** The wishlist: saved products with "Move to cart" and "Remove"; works offline and follows the shopper across devices. */
import { formatRupees } from '@oa/client-sync';
import { Link } from '../../shell/router';
import { toStockLabel, toStockState, type CatalogueProduct } from '../catalogue/catalogue.logic';

export interface WishlistViewProps {
  readonly products: readonly CatalogueProduct[];
  readonly onMoveToCart: (productId: string) => void;
  readonly onRemove: (productId: string) => void;
}

export function WishlistView({ products, onMoveToCart, onRemove }: WishlistViewProps) {
  return (
    <section aria-labelledby="wishlist-title" className="panel">
      <h2 id="wishlist-title">Wishlist</h2>
      {products.length === 0 ? <p className="empty">Nothing saved yet. Tap ♡ on a product to save it for later.</p> : null}
      <ul className="lines" data-testid="wishlist">
        {products.map((product) => (
          <li key={product.id} className="line">
            <Link className="line__name" to={{ name: 'product', id: product.id }}>{product.name}</Link>
            <span>{formatRupees(product.price)}</span>
            <span className={`product__stock product__stock--${toStockState(product.stock)}`}>{toStockLabel(product.stock)}</span>
            <span className="line__actions">
              {product.stock > 0 ? <button type="button" onClick={() => onMoveToCart(product.id)} aria-label={`Move ${product.name} to cart`}>Move to cart</button> : null}
              <button type="button" className="link" onClick={() => onRemove(product.id)} aria-label={`Remove ${product.name} from wishlist`}>Remove</button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
