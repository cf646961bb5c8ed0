/**
 * Checkout: a saved address or a new one (which can be saved to the profile), cash on delivery,
 * and the totals, delivery by the shop's rule. Placing the order works offline: it waits on the
 * device and goes up when the network returns; the server prices it from its own catalogue.
 * A refused submit takes the shopper to the first field to fix (focused, clear of the sticky header
 * by the fields' scroll-margin in styles.css); a new address starts from the profile's name and phone.
 */
import { formatRupees } from '@oa/client-sync';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Address, DeliveryRule } from '@oa/schema';
import { AddressFields } from '../address/AddressFields';
import { toCartTotal, toDeliveryView, type CartLine } from '../cart/cart.logic';
import { canAddAddress, toDefaultAddress, toShippingAddress, type SavedAddress } from '../profile/profile.logic';
import { checkAddress, emptyAddressForm, toAddressSummary, toFirstInvalidField, withProfilePrefill, type AddressForm } from './checkout.logic';

export interface CheckoutFormProps {
  readonly lines: readonly CartLine[];
  readonly savedAddresses: readonly SavedAddress[];
  /** The shop's delivery rule as last heard from the server (data/delivery-rule.ts). */
  readonly deliveryRule: DeliveryRule;
  readonly onPlace: (address: Address, saveAddress: boolean) => Promise<void>;
  /** What the signed-in shopper's profile knows, to start a new address with (it may arrive after the form). */
  readonly prefill?: { readonly name?: string | undefined; readonly phone?: string | undefined } | undefined;
}

const newAddress = 'new';

export function CheckoutForm({ lines, savedAddresses, deliveryRule, onPlace, prefill }: CheckoutFormProps) {
  const [choice, setChoice] = useState<string>(() => toDefaultAddress(savedAddresses)?.id ?? newAddress);
  const [form, setForm] = useState<AddressForm>(() => withProfilePrefill(emptyAddressForm, prefill ?? {}));
  const [saveAddress, setSaveAddress] = useState(canAddAddress(savedAddresses));
  const [errors, setErrors] = useState<Partial<Record<keyof AddressForm, string>>>({});
  const [busy, setBusy] = useState(false);
  const subtotal = toCartTotal(lines);
  const delivery = toDeliveryView(subtotal, deliveryRule);
  const saved = savedAddresses.find((address) => address.id === choice);
  const formRef = useRef<HTMLFormElement>(null);
  // Bumped by each refused submit, so the same errors twice still move the focus back.
  const [refusals, setRefusals] = useState(0);

  // The profile syncs in after a first sign-in: fill what is still empty once it arrives.
  useEffect(() => setForm((current) => withProfilePrefill(current, { name: prefill?.name, phone: prefill?.phone })), [prefill?.name, prefill?.phone]);

  // After the fields have rendered their problems: focus the first one, which scrolls it into view;
  // its scroll-margin keeps it (and its label) below the sticky header rather than under it.
  useEffect(() => {
    const field = toFirstInvalidField(errors);
    if (refusals === 0 || !field) return;
    const control = formRef.current?.elements.namedItem(field);
    if (control instanceof HTMLElement) control.focus();
  }, [refusals]); // On a refusal only: editing a field must not pull the focus back to the first problem.

  async function submit(event: FormEvent) {
    event.preventDefault();
    let address: Address;
    if (saved) {
      address = toShippingAddress(saved);
    } else {
      const check = checkAddress(form);
      if (!check.ok) {
        setErrors(check.errors);
        setRefusals((count) => count + 1);
        return;
      }
      address = check.address;
    }
    setErrors({});
    setBusy(true);
    try {
      await onPlace(address, !saved && saveAddress && canAddAddress(savedAddresses));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="checkout-title" className="panel">
      <h2 id="checkout-title">Checkout</h2>
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        {savedAddresses.length > 0 ? (
          <fieldset>
            <legend>Deliver to</legend>
            {savedAddresses.map((address) => (
              <label key={address.id} className="choice">
                <input type="radio" name="address" value={address.id} checked={choice === address.id} onChange={() => setChoice(address.id)} />
                <span>{address.label ? <strong>{address.label}: </strong> : null}{toAddressSummary(address)}</span>
              </label>
            ))}
            <label className="choice">
              <input type="radio" name="address" value={newAddress} checked={!saved} onChange={() => setChoice(newAddress)} />
              <span>A new address</span>
            </label>
          </fieldset>
        ) : null}
        {!saved ? (
          <>
            <AddressFields value={form} errors={errors} onChange={setForm} />
            {canAddAddress(savedAddresses) ? (
              <label className="choice">
                <input type="checkbox" checked={saveAddress} onChange={(event) => setSaveAddress(event.target.checked)} /> Save this address for next time
              </label>
            ) : null}
          </>
        ) : null}
        <fieldset>
          <legend>Payment</legend>
          <label className="choice"><input type="radio" name="payment" value="cod" defaultChecked /> Cash on delivery</label>
        </fieldset>
        <p className="total">
          Items {formatRupees(subtotal)} · Delivery {delivery.fee > 0 ? formatRupees(delivery.fee) : 'free'} · Total <strong>{formatRupees(delivery.total)}</strong>
        </p>
        {delivery.toFree > 0 ? <p className="note" data-testid="free-delivery">{delivery.note}</p> : null}
        <button type="submit" className="primary" disabled={busy || lines.length === 0}>Place order</button>
      </form>
    </section>
  );
}
