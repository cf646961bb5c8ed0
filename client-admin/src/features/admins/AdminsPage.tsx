/**
 * Admins: the list, adding one (name, email and a password sent straight to the server's
 * endpoint, never through a synced field; online only), and deactivating or activating another
 * (synced: works offline, refused by the server for oneself or the last active admin).
 */
import { isSyncHttpError } from '@oa/client-sync';
import { Field } from '@oa/client-sync/react';
import { useState, type FormEvent } from 'react';
import { canToggle, checkNewAdmin, minAdminPassword, sortAdmins, type AdminRow, type NewAdminForm } from './admins.logic';

export interface AdminsPageProps {
  readonly admins: readonly AdminRow[] | undefined;
  readonly selfId: string | undefined;
  readonly waiting: ReadonlySet<string>;
  readonly onToggle: (adminId: string, isActive: boolean) => void;
  readonly onCreate: (admin: NewAdminForm) => Promise<void>;
}

const emptyForm: NewAdminForm = { name: '', email: '', password: '' };

function toMessage(error: unknown): string {
  if (isSyncHttpError(error)) {
    if (error.code === 'EMAIL_TAKEN') return 'An admin with this email already exists.';
    if (error.code === 'NETWORK_ERROR') return 'Adding an admin needs a connection: try again when online.';
    return error.message;
  }
  return 'Adding an admin needs a connection: try again when online.';
}

export function AdminsPage({ admins, selfId, waiting, onToggle, onCreate }: AdminsPageProps) {
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState<NewAdminForm>(emptyForm);
  const [errors, setErrors] = useState<Partial<Record<keyof NewAdminForm, string>>>({});
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | undefined>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = checkNewAdmin(form);
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    setProblem(undefined);
    setBusy(true);
    try {
      await onCreate(check.admin);
      setAdded(check.admin.email);
      setForm(emptyForm);
      setAdding(false);
    } catch (error) {
      setProblem(toMessage(error));
    } finally {
      setBusy(false);
    }
  }

  if (admins === undefined) return <p className="empty">Loading admins…</p>;
  return (
    <section aria-labelledby="admins-title">
      <h2 id="admins-title">Admins</h2>
      {added ? <p role="status" className="note">{added} can sign in now.</p> : null}
      <ul className="rows" data-testid="admins">
        {sortAdmins(admins).map((admin) => (
          <li key={admin.id} className="row row--plain">
            <span>
              <strong>{admin.name}</strong> · {admin.email}
              {admin.id === selfId ? ' (you)' : ''}
              {admin.isActive ? '' : ' · inactive'}
              {waiting.has(admin.id) ? <span className="waiting"> · Waiting to sync</span> : null}
            </span>
            {canToggle(admin, selfId) ? (
              <button type="button" onClick={() => onToggle(admin.id, !admin.isActive)} aria-label={`${admin.isActive ? 'Deactivate' : 'Activate'} ${admin.name}`}>
                {admin.isActive ? 'Deactivate' : 'Activate'}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {adding ? (
        <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-label="New admin">
          <Field label="Name" error={errors.name}>{(control) => <input {...control} autoComplete="off" value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} />}</Field>
          <Field label="Email" error={errors.email}>{(control) => <input {...control} type="email" autoComplete="off" value={form.email} onChange={(event) => setForm({ ...form, email: event.target.value })} />}</Field>
          <Field label={`Password (at least ${minAdminPassword} characters; tell them in person)`} error={errors.password}>
            {(control) => <input {...control} type="password" autoComplete="new-password" value={form.password} onChange={(event) => setForm({ ...form, password: event.target.value })} />}
          </Field>
          {problem ? <p role="alert" className="problem">{problem}</p> : null}
          <button type="submit" className="big" disabled={busy}>Add admin</button>
          <button type="button" onClick={() => { setAdding(false); setErrors({}); setProblem(undefined); }}>Cancel</button>
        </form>
      ) : (
        <button type="button" className="big" onClick={() => { setAdding(true); setAdded(undefined); }}>Add an admin</button>
      )}
    </section>
  );
}
