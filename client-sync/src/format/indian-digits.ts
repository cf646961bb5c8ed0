/**
 * Numbers written the Indian way (lakh and crore grouping: 1234567 → "12,34,567"), by hand
 * rather than with Intl.NumberFormat: a page's first Intl number format loads the ICU locale
 * data, which held a phone's main thread about 100 ms (4× CPU slowdown) before the shop's
 * first paint, for output this small function gives exactly (indian-digits.test.ts checks it
 * against Intl). Rounding is half away from zero on the number's shortest decimal form, as Intl's.
 */

/** Beyond this, or not finite: Intl itself, made on first need (never in a shop's amounts). */
const largest = 1e15;
const fallback: Partial<Record<0 | 2, Intl.NumberFormat>> = {};

/** `value` with `fractionDigits` decimals (0 or 2), grouped as en-IN groups: "-1,23,456.50". */
export function toIndianDigits(value: number, fractionDigits: 0 | 2 = 0): string {
  if (!Number.isFinite(value) || Math.abs(value) >= largest) {
    fallback[fractionDigits] ??= new Intl.NumberFormat('en-IN', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    return fallback[fractionDigits].format(value);
  }
  // Scaled through the shortest decimal text ("1.005e2"), so 1.005 rounds up as Intl rounds it.
  // (A number too small for that text, "5e-324", is nothing at two decimals.)
  const shortest = String(Math.abs(value));
  const scaled = shortest.includes('e') ? 0 : Math.round(Number(`${shortest}e${fractionDigits}`));
  const digits = String(scaled).padStart(fractionDigits + 1, '0');
  const whole = digits.slice(0, digits.length - fractionDigits);
  const fraction = digits.slice(digits.length - fractionDigits);
  // The last three digits, then pairs: 1,23,45,678.
  const head = whole.slice(0, -3);
  const grouped = head ? `${head.replace(/\B(?=(\d{2})+$)/g, ',')},${whole.slice(-3)}` : whole;
  // As Intl: a negative amount keeps its sign even when it rounds to nothing ("-0.00").
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${grouped}${fractionDigits ? `.${fraction}` : ''}`;
}

/** A count as the apps show it: "1,23,456". */
export function formatCount(count: number): string {
  return toIndianDigits(count);
}
