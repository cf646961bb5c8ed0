/**
 * The shop's shipping charge: free from ₹499 of goods, otherwise a flat ₹40. The thresholds are
 * named here once; pricing and the shop's cart both read them from this file's exports.
 */
import { toPaise } from '../money/paise';

/** A subtotal of at least this many rupees ships free. */
export const freeShippingFromRupees = 499;
/** The charge, in rupees, for a subtotal below `freeShippingFromRupees`. */
export const flatShippingFeeRupees = 40;

/** The shipping fee, in paise, for a subtotal in paise. */
export function shippingFeePaise(subtotalPaise: number): number {
  return subtotalPaise >= toPaise(freeShippingFromRupees) ? 0 : toPaise(flatShippingFeeRupees);
}
