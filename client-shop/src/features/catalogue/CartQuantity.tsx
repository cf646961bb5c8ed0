/**
 * How many of a product are in the cart, with − and + (on the list's card and the product's page):
 * the feedback that an "Add to cart" worked. − at one takes it out; + stops at `max` (the stock,
 * within the cart's limit: toQuantityCap). The writes are the cart's own actions, passed in.
 */
import { useEffect, useRef } from 'react';

export interface CartQuantityProps {
  readonly productName: string;
  readonly quantity: number;
  readonly max: number;
  readonly onChange: (quantity: number) => void;
  /** Shown in place of the "Add to cart" just pressed: the focus moves to + instead of being lost with it. */
  readonly focusOnShow?: boolean;
}

export function CartQuantity({ productName, quantity, max, onChange, focusOnShow = false }: CartQuantityProps) {
  const more = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusOnShow) more.current?.focus();
  }, []); // On appearing only: later changes of the count keep the focus where the shopper put it.
  return (
    <div className="cart-quantity" role="group" aria-label={`${productName} in your cart`}>
      <button type="button" aria-label={quantity <= 1 ? `Remove ${productName} from cart` : `One fewer ${productName}`} onClick={() => onChange(quantity - 1)}>−</button>
      <span className="cart-quantity__count" aria-live="polite">{quantity} in cart</span>
      <button ref={more} type="button" aria-label={`One more ${productName}`} disabled={quantity >= max} onClick={() => onChange(quantity + 1)}>+</button>
    </div>
  );
}
