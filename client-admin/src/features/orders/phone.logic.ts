/**
 * A customer's phone as a `tel:` address, so the owner calls from the order with one tap. Numbers
 * are stored as typed at checkout (10 to 15 digits, maybe a +); the shop is in India, so a bare
 * 10-digit number (or one with the trunk 0) dials as +91. Not a validator: the schema checks them.
 */

/** `tel:+919848022338`, or undefined when there are no digits to dial. */
export function toTelHref(phone: string | undefined): string | undefined {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits === '') return undefined;
  if ((phone ?? '').trim().startsWith('+')) return `tel:+${digits}`;
  if (digits.length === 10) return `tel:+91${digits}`;
  if (digits.length === 11 && digits.startsWith('0')) return `tel:+91${digits.slice(1)}`;
  if (digits.length === 12 && digits.startsWith('91')) return `tel:+${digits}`;
  // Anything else is dialled as written: guessing a country for it could call a stranger.
  return `tel:${digits}`;
}
