/**
 * A legacy price to rupees: numbers as they are, text like "₹1,299.50" or "Rs. 60" read,
 * anything else refused with the reason. Rounded to paise; never negative, never absurd.
 */
export type PriceResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: string };

const maxPrice = 10_000_000;

export function parsePrice(value: unknown): PriceResult {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const digits = value.trim().replace(/^(?:₹|rs\.?|inr)\s*/i, '').replace(/,/g, '');
    if (!/^\d+(?:\.\d+)?$/.test(digits)) return { ok: false, reason: 'not a number' };
    n = Number(digits);
  } else return { ok: false, reason: 'not a number' };
  if (!Number.isFinite(n)) return { ok: false, reason: 'not a finite number' };
  if (n < 0) return { ok: false, reason: 'negative' };
  if (n > maxPrice) return { ok: false, reason: `above ${maxPrice.toLocaleString('en-IN')}` };
  return { ok: true, value: Math.round(n * 100) / 100 };
}
