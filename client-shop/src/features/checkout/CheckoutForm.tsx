/** Checkout: the shipping address and cash on delivery; placing the order works offline. */
import { useState, type FormEvent } from 'react';
import type { Address } from '@oa/schema';
import { formatRupees } from '../catalogue/catalogue.logic';
import { toCartTotal, type CartLine } from '../cart/cart.logic';
import { checkAddress, emptyAddressForm, toShippingFee, type AddressForm } from './checkout.logic';

const labels: Record<keyof AddressForm, [string, string]> = {
  name: ['Full name', 'name'],
  phone: ['Phone', 'tel'],
  line1: ['House and street', 'address-line1'],
  city: ['City', 'address-level2'],
  state: ['State', 'address-level1'],
  pincode: ['PIN code', 'postal-code'],
};

export function CheckoutForm({ lines, onPlace }: { lines: readonly CartLine[]; onPlace: (address: Address) => Promise<void> }) {
  const [form, setForm] = useState<AddressForm>(emptyAddressForm);
  const [errors, setErrors] = useState<Partial<Record<keyof AddressForm, string>>>({});
  const [busy, setBusy] = useState(false);
  const subtotal = toCartTotal(lines);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = checkAddress(form);
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    setBusy(true);
    try {
      await onPlace(check.address);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="checkout-title" className="panel">
      <h2 id="checkout-title">Checkout</h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        {(Object.keys(labels) as (keyof AddressForm)[]).map((field) => (
          <label key={field}>
            {labels[field][0]}
            <input
              name={field}
              autoComplete={labels[field][1]}
              inputMode={field === 'pincode' || field === 'phone' ? 'numeric' : undefined}
              value={form[field]}
              aria-invalid={errors[field] ? true : undefined}
              onChange={(event) => setForm({ ...form, [field]: event.target.value })}
            />
            {errors[field] ? <span className="problem">{errors[field]}</span> : null}
          </label>
        ))}
        <fieldset>
          <legend>Payment</legend>
          <label><input type="radio" name="payment" value="cod" defaultChecked /> Cash on delivery</label>
        </fieldset>
        <p className="total">
          Items {formatRupees(subtotal)} · Shipping {formatRupees(toShippingFee(subtotal))} · Total <strong>{formatRupees(subtotal + toShippingFee(subtotal))}</strong>
        </p>
        <button type="submit" disabled={busy || lines.length === 0}>Place order</button>
      </form>
    </section>
  );
}
