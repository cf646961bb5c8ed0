/** Sign in or register; after a session ended, sign in again to send what waits on the device. */
import { useState, type FormEvent } from 'react';
import { isSyncHttpError } from '@oa/client-sync';
import type { AppSession, SessionStore } from '@oa/client-sync';

const errorMessages: Record<string, string> = {
  INVALID_CREDENTIALS: 'That email and password do not match an account.',
  EMAIL_TAKEN: 'An account with this email already exists: sign in instead.',
  TOO_MANY_REQUESTS: 'Too many attempts: wait a minute and try again.',
  VALIDATION_FAILED: 'Check the fields: a password has at least 8 characters.',
  CLIENT_OUTDATED: 'This version of the shop is out of date: update it (the banner above), then sign in.',
};

function toMessage(error: unknown): string {
  if (isSyncHttpError(error)) return errorMessages[error.code] ?? error.message;
  return 'The shop’s server could not be reached. Signing in needs a connection.';
}

export interface SignInFormProps {
  readonly store: SessionStore;
  /** The session that ended (its shopper's saved changes wait for a new sign-in). */
  readonly ended: AppSession | undefined;
  /** Changes on this device waiting for the server, when known. */
  readonly waiting?: number | undefined;
}

export function SignInForm({ store, ended, waiting }: SignInFormProps) {
  const [mode, setMode] = useState<'sign-in' | 'register'>('sign-in');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    setBusy(true);
    setProblem(undefined);
    try {
      if (mode === 'register') await store.register(String(form.get('name') ?? ''), email, password);
      else await store.signIn(email, password);
    } catch (error) {
      setProblem(toMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="account-title" className="panel">
      <h2 id="account-title">{mode === 'register' ? 'Create an account' : 'Sign in'}</h2>
      {ended ? (
        <p role="status" className="note">
          Your session has ended: sign in again to send your saved changes{waiting ? ` (${waiting} waiting)` : ''}. Nothing is lost meanwhile.
        </p>
      ) : null}
      <form onSubmit={(event) => void submit(event)} className="form">
        {mode === 'register' ? (
          <label>Name <input name="name" autoComplete="name" required maxLength={100} /></label>
        ) : null}
        <label>Email <input name="email" type="email" autoComplete="email" required defaultValue={ended?.email} /></label>
        <label>Password <input name="password" type="password" autoComplete={mode === 'register' ? 'new-password' : 'current-password'} required minLength={mode === 'register' ? 8 : 1} /></label>
        {problem ? <p role="alert" className="problem">{problem}</p> : null}
        <button type="submit" className="primary" disabled={busy}>{mode === 'register' ? 'Create account' : 'Sign in'}</button>
      </form>
      <button type="button" className="link" onClick={() => { setMode(mode === 'register' ? 'sign-in' : 'register'); setProblem(undefined); }}>
        {mode === 'register' ? 'I have an account: sign in' : 'New here? Create an account'}
      </button>
    </section>
  );
}
