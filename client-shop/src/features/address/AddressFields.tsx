/** The address inputs shared by checkout and the address book: labelled, with autocomplete hints and each field's problem next to it. */
import { Field } from '@oa/client-sync/react';
import type { AddressForm } from '../checkout/checkout.logic';

const labels: Record<keyof AddressForm, [string, string]> = {
  name: ['Full name', 'name'],
  phone: ['Phone', 'tel'],
  line1: ['House and street', 'address-line1'],
  city: ['City', 'address-level2'],
  state: ['State', 'address-level1'],
  pincode: ['PIN code', 'postal-code'],
};

export interface AddressFieldsProps {
  readonly value: AddressForm;
  readonly errors: Partial<Record<keyof AddressForm, string>>;
  readonly onChange: (value: AddressForm) => void;
}

export function AddressFields({ value, errors, onChange }: AddressFieldsProps) {
  return (
    <>
      {(Object.keys(labels) as (keyof AddressForm)[]).map((field) => (
        <Field key={field} label={labels[field][0]} error={errors[field]}>
          {(control) => (
            <input
              {...control}
              name={field}
              autoComplete={labels[field][1]}
              inputMode={field === 'pincode' || field === 'phone' ? 'numeric' : undefined}
              value={value[field]}
              onChange={(event) => onChange({ ...value, [field]: event.target.value })}
            />
          )}
        </Field>
      ))}
    </>
  );
}
