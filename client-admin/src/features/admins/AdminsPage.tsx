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
  /** Sets an admin's password on the server; `currentPassword` only for one's own. */
  readonly onSetPassword: (adminId: string, password: string, currentPassword?: string) => Promise<void>;
}

const emptyForm: NewAdminForm = { name: '', email: '', password: '' };

/** What went wrong with a request to the server, for `action` ("Adding an admin", "Setting a password"). */
function toMessage(error: unknown, action: string): string {
  if (isSyncHttpError(error)) {
    if (error.code === 'EMAIL_TAKEN') return 'An admin with this email already exists.';
    if (error.code === 'INVALID_CREDENTIALS') return 'Your current password is not right.';
    if (error.code !== 'NETWORK_ERROR') return error.message;
  }
  return `${action} needs a connection: try again when online.`;
}

export function AdminsPage({ admins, selfId, waiting, onToggle, onCreate, onSetPassword }: AdminsPageProps) {
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState<NewAdminForm>(emptyForm);
  const [errors, setErrors] = useState<Partial<Record<keyof NewAdminForm, string>>>({});
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | undefined>();
  const [resetting, setResetting] = useState<string | undefined>();

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
      setProblem(toMessage(error, 'Adding an admin'));
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
            <span className="row__actions">
              <button type="button" onClick={() => setResetting(resetting === admin.id ? undefined : admin.id)} aria-label={admin.id === selfId ? 'Change my password' : `Set a new password for ${admin.name}`}>
                {admin.id === selfId ? 'Change my password' : 'Set password'}
              </button>
              {canToggle(admin, selfId) ? (
                <button type="button" onClick={() => onToggle(admin.id, !admin.isActive)} aria-label={`${admin.isActive ? 'Deactivate' : 'Activate'} ${admin.name}`}>
                  {admin.isActive ? 'Deactivate' : 'Activate'}
                </button>
              ) : null}
            </span>
            {resetting === admin.id ? (
              <PasswordForm own={admin.id === selfId} name={admin.name} onSubmit={(password, current) => onSetPassword(admin.id, password, current)} onDone={() => setResetting(undefined)} />
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
          <button type="button" onClick={() => { setAdding(false); setForm(emptyForm); setErrors({}); setProblem(undefined); }}>Cancel</button>
        </form>
      ) : (
        <button type="button" className="big" onClick={() => { setAdding(true); setAdded(undefined); }}>Add an admin</button>
      )}
    </section>
  );
}

/**
 * A new password for an admin, sent to the server's password route: for one's own, the current
 * password too; for another admin, the server ends their sessions, so tell them the new one.
 */
function PasswordForm({ own, name, onSubmit, onDone }: { own: boolean; name: string; onSubmit: (password: string, current?: string) => Promise<void>; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [current, setCurrent] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < minAdminPassword) return setProblem(`Use at least ${minAdminPassword} characters`);
    setBusy(true);
    setProblem(undefined);
    try {
      await onSubmit(password, own ? current : undefined);
      onDone();
    } catch (error) {
      setProblem(toMessage(error, 'Setting a password'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-label={own ? 'Change my password' : `New password for ${name}`}>
      {own ? (
        <Field label="Current password">{(control) => <input {...control} type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} />}</Field>
      ) : (
        <p className="note">{name} is signed out everywhere once this is saved: tell them the new password in person.</p>
      )}
      <Field label="New password" error={problem}>{(control) => <input {...control} type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />}</Field>
      <button type="submit" className="big" disabled={busy}>Save password</button>
    </form>
  );
}
