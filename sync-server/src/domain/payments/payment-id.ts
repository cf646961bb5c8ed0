/**
 * Where an order's payment lives. Its id is the order's: payments are their own collection, so an
 * order has exactly one payment id and no two orders share one. Earlier builds used
 * `pay-<order id>` cut to 64 characters, which two long order ids could share: such a payment is
 * still found under that id, and is this order's only when its `orderId` says so.
 */
export function paymentIdOf(orderId: string): string {
  return orderId;
}

/** Ids an order's payment may be stored under, newest first (the caller checks `orderId`). */
export function paymentIdsOf(orderId: string): string[] {
  return [paymentIdOf(orderId), `pay-${orderId}`.slice(0, 64)];
}
