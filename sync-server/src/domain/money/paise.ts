/**
 * Money as whole paise. Rupee amounts (the stored form, e.g. 120.5) become integers before any
 * sum or product, so totals never pick up float drift (0.1 + 0.2), and go back to rupees once,
 * at the end. Not a currency library: the shop sells in INR only.
 */

/** Rupees to the nearest paisa, rounding halves up on the decimal digits as written (1.005 → 101). */
export function toPaise(rupees: number): number {
  // Shifting the decimal point in the number's own text avoids 1.005 * 100 = 100.49999….
  const shifted = Number(`${rupees}e2`);
  return Math.round(Number.isFinite(shifted) ? shifted : rupees * 100);
}

/** Whole paise to rupees; exact to two decimals for any amount the schema allows. */
export function toRupees(paise: number): number {
  return paise / 100;
}
