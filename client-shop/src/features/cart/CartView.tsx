/**
 * The cart: each line with quantity − / +, remove and (signed in) save for later, the total from
 * local prices, delivery by the shop's rule (and how much more makes it free), and the way to
 * checkout. A visitor's cart works the same and joins their account's cart when they sign in.
 */
import { formatRupees } from '@oa/client-sync';
import type { DeliveryRule } from '@oa/schema';
import { Link } from '../../shell/router';
import { maxQuantity, toCartTotal, toDeliveryView, type CartLine } from './cart.logic';
import { SignInLink } from '../account/SignInLink';

export interface CartViewProps {
  readonly lines: readonly CartLine[];
  readonly signedIn: boolean;
  /** The shop's delivery rule as last heard from the server (data/delivery-rule.ts). */
  readonly deliveryRule: DeliveryRule;
  readonly onQuantity: (lineId: string, quantity: number) => void;
  readonly onRemove: (lineId: string) => void;
  readonly onMoveToWishlist?: ((line: CartLine) => void) | undefined;
  readonly onCheckout: () => void;
}

export function CartView({ lines, signedIn, deliveryRule, onQuantity, onRemove, onMoveToWishlist, onCheckout }: CartViewProps) {
  if (lines.length === 0) {
    return (
      <section className="panel">
        <h2>Your cart</h2>
        <p className="empty">Your cart is empty. <Link to={{ name: 'shop' }}>Browse the shop</Link></p>
      </section>
    );
  }
  const subtotal = toCartTotal(lines);
  const delivery = toDeliveryView(subtotal, deliveryRule);
  return (
    <section aria-labelledby="cart-title" className="panel">
      <h2 id="cart-title">Your cart</h2>
      <ul className="lines" data-testid="cart-lines">
        {lines.map((line) => (
          <li key={line.id} className="line">
            <Link className="line__name" to={{ name: 'product', id: line.productId }}>{line.name}</Link>
            <span className="line__quantity">
              <button type="button" aria-label={`One less ${line.name}`} onClick={() => onQuantity(line.id, line.quantity - 1)}>−</button>
              <output aria-label={`Quantity of ${line.name}`}>{line.quantity}</output>
              <button type="button" aria-label={`One more ${line.name}`} disabled={line.quantity >= maxQuantity} onClick={() => onQuantity(line.id, line.quantity + 1)}>+</button>
            </span>
            <span className="line__total">{formatRupees(line.lineTotal)}</span>
            <span className="line__actions">
              {onMoveToWishlist ? <button type="button" className="link" onClick={() => onMoveToWishlist(line)}>Save for later</button> : null}
              <button type="button" className="link" onClick={() => onRemove(line.id)}>Remove</button>
            </span>
          </li>
        ))}
      </ul>
      <p className="total">
        Total <strong data-testid="cart-total">{formatRupees(subtotal)}</strong>{' '}
        <small data-testid="cart-delivery">{delivery.fee > 0 ? `+ ${formatRupees(delivery.fee)} delivery` : delivery.note}</small>
      </p>
      {delivery.toFree > 0 ? <p className="note" data-testid="free-delivery">{delivery.note}</p> : null}
      {signedIn ? (
        <button type="button" className="primary" onClick={onCheckout}>Checkout</button>
      ) : (
        <p className="note"><SignInLink next="checkout">Sign in or create an account</SignInLink> to check out: your cart comes with you.</p>
      )}
    </section>
  );
}
