/** Rupees as both apps show them: ₹ with Indian digit grouping, paise (two digits) only when there are some (60 → "₹60", 123456.5 → "₹1,23,456.50"). */
import { toIndianDigits } from './indian-digits';

export function formatRupees(amount: number): string {
  const text = toIndianDigits(amount, Number.isInteger(amount) ? 0 : 2);
  return text.startsWith('-') ? `-₹${text.slice(1)}` : `₹${text}`;
}
