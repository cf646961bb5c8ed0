/** Saved addresses: add, edit, remove and choose the default (at most 10), for a quicker checkout. */
import { useState, type FormEvent } from 'react';
import { AddressFields } from '../address/AddressFields';
import { checkAddress, emptyAddressForm, toAddressForm, toAddressSummary, type AddressForm } from '../checkout/checkout.logic';
import { canAddAddress, withAddress, withDefaultAddress, withoutAddress, type SavedAddress } from './profile.logic';

export interface AddressBookProps {
  readonly addresses: readonly SavedAddress[];
  readonly onChange: (addresses: SavedAddress[]) => Promise<void>;
  readonly newId?: () => string;
}

export function AddressBook({ addresses, onChange, newId = () => crypto.randomUUID() }: AddressBookProps) {
  const [editing, setEditing] = useState<{ id: string; form: AddressForm; label: string } | undefined>();
  const [errors, setErrors] = useState<Partial<Record<keyof AddressForm, string>>>({});

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const check = checkAddress(editing.form);
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    await onChange(withAddress(addresses, check.address, editing.id, editing.label));
    setEditing(undefined);
  }

  return (
    <section aria-labelledby="addresses-title">
      <h3 id="addresses-title">Addresses</h3>
      {addresses.length === 0 ? <p className="empty">No saved addresses.</p> : null}
      <ul className="lines">
        {addresses.map((address) => (
          <li key={address.id} className="line">
            <span>
              {address.label ? <strong>{address.label}: </strong> : null}
              {toAddressSummary(address)}
              {address.isDefault ? <em> (default)</em> : null}
            </span>
            <span className="line__actions">
              <button type="button" className="link" onClick={() => setEditing({ id: address.id, form: toAddressForm(address), label: address.label ?? '' })}>Edit</button>
              {!address.isDefault ? <button type="button" className="link" onClick={() => void onChange(withDefaultAddress(addresses, address.id))}>Make default</button> : null}
              <button type="button" className="link" onClick={() => void onChange(withoutAddress(addresses, address.id))}>Remove</button>
            </span>
          </li>
        ))}
      </ul>
      {editing ? (
        <form className="form" noValidate onSubmit={(event) => void save(event)} aria-label="Address">
          <label>Label (optional) <input value={editing.label} maxLength={40} placeholder="Home, Office…" onChange={(event) => setEditing({ ...editing, label: event.target.value })} /></label>
          <AddressFields value={editing.form} errors={errors} onChange={(form) => setEditing({ ...editing, form })} />
          <button type="submit">Save address</button>
          <button type="button" className="link" onClick={() => { setEditing(undefined); setErrors({}); }}>Cancel</button>
        </form>
      ) : canAddAddress(addresses) ? (
        <button type="button" onClick={() => setEditing({ id: newId(), form: emptyAddressForm, label: '' })}>Add an address</button>
      ) : (
        <p className="note">Ten addresses saved: remove one to add another.</p>
      )}
    </section>
  );
}
