/**
 * A phone number the owner can tap to call (phone.logic.ts makes the `tel:` address); shown as
 * typed, plain text when it has nothing to dial. The link is tall enough for a thumb.
 */
import { toTelHref } from './phone.logic';

export function PhoneLink({ phone }: { phone: string }) {
  const href = toTelHref(phone);
  if (!href) return <>{phone}</>;
  return (
    <a className="phone-link" href={href}>
      <span className="visually-hidden">Call </span>
      {phone}
    </a>
  );
}
