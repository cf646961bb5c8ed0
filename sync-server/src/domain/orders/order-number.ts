/**
 * Human-readable order numbers: `OA-20261124-7K3F9Q`, the shop's prefix, the day the order was
 * placed in India (Asia/Kolkata, UTC+05:30 with no daylight saving, so the date a shopper sees
 * on the number is the date on their phone), then six characters a person can read aloud without
 * confusing 0/O or 1/I. Unique-ish: the caller's unique index decides, and it draws again on a clash.
 */

/** 32 symbols: digits 2–9 and letters without I and O. Six of them: about 10⁹ numbers a day. */
export const orderNumberAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const orderNumberPrefix = 'OA';

const suffixLength = 6;
const indiaOffsetMs = (5 * 60 + 30) * 60 * 1000;
const pattern = new RegExp(`^${orderNumberPrefix}-(\\d{4})(\\d{2})(\\d{2})-[${orderNumberAlphabet}]{${suffixLength}}$`);

/** `random` returns numbers in [0, 1), like Math.random (tests pass a fixed sequence). */
export function formatOrderNumber(at: Date, random: () => number): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('formatOrderNumber needs a valid date');
  const india = new Date(at.getTime() + indiaOffsetMs);
  const date = [
    String(india.getUTCFullYear()).padStart(4, '0'),
    String(india.getUTCMonth() + 1).padStart(2, '0'),
    String(india.getUTCDate()).padStart(2, '0'),
  ].join('');
  let suffix = '';
  for (let i = 0; i < suffixLength; i++) {
    // Clamped, so a generator that returns exactly 1 (or anything odd) still yields a valid symbol.
    const index = Math.min(orderNumberAlphabet.length - 1, Math.max(0, Math.floor(random() * orderNumberAlphabet.length)));
    suffix += orderNumberAlphabet[index];
  }
  return `${orderNumberPrefix}-${date}-${suffix}`;
}

/** True for numbers in this format with a real calendar date; legacy order numbers are not. */
export function isOrderNumber(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = pattern.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
