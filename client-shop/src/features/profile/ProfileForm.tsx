/** Name and phone, saved to the shopper's profile (offline too; merged with edits from another device). */
import { useState, type FormEvent } from 'react';
import { Field } from '@oa/client-sync/react';
import { checkProfile, type ProfileForm as ProfileValues } from './profile.logic';

export interface ProfileFormProps {
  readonly name: string;
  readonly phone: string | undefined;
  readonly email: string;
  readonly onSave: (profile: { name: string; phone: string | undefined }) => Promise<void>;
}

export function ProfileForm({ name, phone, email, onSave }: ProfileFormProps) {
  const [form, setForm] = useState<ProfileValues>({ name, phone: phone ?? '' });
  const [errors, setErrors] = useState<Partial<Record<keyof ProfileValues, string>>>({});
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = checkProfile(form);
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    await onSave({ name: check.name, phone: check.phone });
    setSaved(true);
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="profile-title">
      <h3 id="profile-title">Profile</h3>
      <p className="note">Email: <strong>{email}</strong></p>
      <Field label="Name" error={errors.name}>
        {(control) => <input {...control} name="profile-name" autoComplete="name" value={form.name} onChange={(event) => { setForm({ ...form, name: event.target.value }); setSaved(false); }} />}
      </Field>
      <Field label="Phone" error={errors.phone}>
        {(control) => <input {...control} name="profile-phone" autoComplete="tel" inputMode="tel" value={form.phone} onChange={(event) => { setForm({ ...form, phone: event.target.value }); setSaved(false); }} />}
      </Field>
      <button type="submit">Save profile</button>
      {saved ? <p role="status" className="note">Saved.</p> : null}
    </form>
  );
}
