/**
 * The shop's delivery charge as data: a flat fee below a threshold, free from it. One rule, set by
 * the server's configuration (DELIVERY_FEE, FREE_DELIVERY_FROM), prices every order on the server
 * and is shown by the shop in the cart and at checkout (GET /shop). Amounts are rupees with at
 * most two decimals; comparisons and differences are made in whole paise, never on floats.
 */
import { z } from 'zod';

/** Rupees. `fee` is charged on a subtotal below `freeFrom`; from `freeFrom` on, delivery is free. */
export interface DeliveryRule {
  readonly fee: number;
  readonly freeFrom: number;
}

/** The highest delivery fee, in rupees, a configuration may set: a typo's guard, not a policy. */
export const maxDeliveryFee = 10_000;
/** The highest free-delivery threshold, in rupees (₹10,00,000): far beyond any cart. */
export const maxFreeDeliveryFrom = 1_000_000;

/** The shop's numbers before anyone configured others: ₹40, free from ₹499. */
export const defaultDeliveryRule: DeliveryRule = Object.freeze({ fee: 40, freeFrom: 499 });

const rupeeAmount = (max: number) =>
  z.number().min(0).max(max).refine(isWholePaise, 'an amount in rupees has at most 2 decimal places');

export const deliveryRuleSchema = z.object({
  fee: rupeeAmount(maxDeliveryFee),
  freeFrom: rupeeAmount(maxFreeDeliveryFrom),
});

/** The delivery fee, in rupees, for an order of `subtotal` rupees of goods. */
export function deliveryFeeFor(subtotal: number, rule: DeliveryRule): number {
  return toWholePaise(subtotal) >= toWholePaise(rule.freeFrom) ? 0 : toWholePaise(rule.fee) / 100;
}

/** How many more rupees of goods make delivery free; 0 when it already is (or always is: a ₹0 fee). */
export function amountToFreeDelivery(subtotal: number, rule: DeliveryRule): number {
  if (deliveryFeeFor(subtotal, rule) === 0) return 0;
  return (toWholePaise(rule.freeFrom) - toWholePaise(subtotal)) / 100;
}

/** True for a finite amount with no third decimal (19.99 yes, 19.995 no). */
function isWholePaise(rupees: number): boolean {
  return Number.isFinite(rupees) && Number(rupees.toFixed(2)) === rupees;
}

/**
 * Rupees to whole paise, as the server's money/paise.ts does it: the decimal point is moved in
 * the number's own text (1.005 * 100 is 100.4999… as a float), and a subtotal summed in floats
 * (0.1 + 0.2 = 0.30000000000000004) lands on the paisa it means.
 */
function toWholePaise(rupees: number): number {
  const shifted = Number(`${rupees}e2`);
  return Math.round(Number.isFinite(shifted) ? shifted : rupees * 100);
}
