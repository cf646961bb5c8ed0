/** The cart: each line with quantity − / + and remove, the total from local prices, and the way to checkout. */
import { formatRupees } from '../catalogue/catalogue.logic';
import { maxQuantity, toCartTotal, type CartLine } from './cart.logic';

export interface CartViewProps {
  readonly lines: readonly CartLine[];
  readonly onQuantity: (lineId: string, quantity: number) => void;
  readonly onRemove: (lineId: string) => void;
  readonly onCheckout: () => void;
}

export function CartView({ lines, onQuantity, onRemove, onCheckout }: CartViewProps) {
  if (lines.length === 0) return <section className="panel"><h2>Your cart</h2><p className="empty">Your cart is empty.</p></section>;
  return (
    <section aria-labelledby="cart-title" className="panel">
      <h2 id="cart-title">Your cart</h2>
      <ul className="lines" data-testid="cart-lines">
        {lines.map((line) => (
          <li key={line.id} className="line">
            <span className="line__name">{line.name}</span>
            <span className="line__quantity">
              <button type="button" aria-label={`One less ${line.name}`} onClick={() => onQuantity(line.id, line.quantity - 1)}>−</button>
              <output aria-label={`Quantity of ${line.name}`}>{line.quantity}</output>
              <button type="button" aria-label={`One more ${line.name}`} disabled={line.quantity >= maxQuantity} onClick={() => onQuantity(line.id, line.quantity + 1)}>+</button>
            </span>
            <span className="line__total">{formatRupees(line.lineTotal)}</span>
            <button type="button" className="link" onClick={() => onRemove(line.id)}>Remove</button>
          </li>
        ))}
      </ul>
      <p className="total">Total <strong data-testid="cart-total">{formatRupees(toCartTotal(lines))}</strong> <small>(shipping at checkout)</small></p>
      <button type="button" onClick={onCheckout}>Checkout</button>
    </section>
  );
}
