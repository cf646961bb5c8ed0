/** Why the server did not place an order, with the way on: its items back in the cart (My orders and the order's page). */
export function RejectedOrder({ reason, onBackToCart }: { readonly reason: string; readonly onBackToCart: () => void }) {
  return (
    <div className="order__rejected" role="note">
      <p className="problem">Your order could not be placed: {reason}</p>
      <button type="button" onClick={onBackToCart}>Put the items back in my cart</button>
    </div>
  );
}
