/**
 * Merges an order request's lines by product: two lines for the same product become one whose
 * quantity is their sum, in the order each product first appeared. Checks nothing else; pricing
 * (price-order.ts) decides whether the merged quantities are acceptable.
 */

export interface RequestedLine {
  readonly productId: string;
  readonly quantity: number;
}

export function mergeOrderLines(lines: readonly RequestedLine[]): RequestedLine[] {
  const quantities = new Map<string, number>();
  for (const { productId, quantity } of lines) quantities.set(productId, (quantities.get(productId) ?? 0) + quantity);
  return [...quantities].map(([productId, quantity]) => ({ productId, quantity }));
}
