/** Sign in or register (a form), or who is signed in with a sign-out button. */
import { useState, type FormEvent } from 'react';
import { isSyncHttpError } from '@oa/client-sync';
import type { SessionStore, ShopSession } from './session-store';

const errorMessages: Record<string, string> = {
  INVALID_CREDENTIALS: 'That email and password do not match an account.',
  EMAIL_TAKEN: 'An account with this email already exists: sign in instead.',
  TOO_MANY_REQUESTS: 'Too many attempts: wait a minute and try again.',
  VALIDATION_FAILED: 'Check the fields: a password has at least 8 characters.',
};

function toMessage(error: unknown): string {
  if (isSyncHttpError(error)) return errorMessages[error.code] ?? error.message;
  return 'The shop’s server could not be reached. Signing in needs a connection.';
}

export function AccountPanel({ store, session, onSignOut }: { store: SessionStore; session: ShopSession | undefined; onSignOut: () => Promise<void> }) {
  const [mode, setMode] = useState<'sign-in' | 'register'>('sign-in');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  if (session?.accessToken) {
    return (
      <section aria-labelledby="account-title" className="panel">
        <h2 id="account-title">Your account</h2>
        <p>Signed in as <strong>{session.name || session.email}</strong>.</p>
        <button type="button" disabled={busy} onClick={() => { setBusy(true); void onSignOut().finally(() => setBusy(false)); }}>Sign out</button>
      </section>
    );
  }

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
      {session ? <p role="status">Your session has ended: sign in again to send your saved changes.</p> : null}
      <form onSubmit={(event) => void submit(event)} className="form">
        {mode === 'register' ? (
          <label>Name <input name="name" autoComplete="name" required maxLength={100} /></label>
        ) : null}
        <label>Email <input name="email" type="email" autoComplete="email" required defaultValue={session?.email} /></label>
        <label>Password <input name="password" type="password" autoComplete={mode === 'register' ? 'new-password' : 'current-password'} required minLength={mode === 'register' ? 8 : 1} /></label>
        {problem ? <p role="alert" className="problem">{problem}</p> : null}
        <button type="submit" disabled={busy}>{mode === 'register' ? 'Create account' : 'Sign in'}</button>
      </form>
      <button type="button" className="link" onClick={() => { setMode(mode === 'register' ? 'sign-in' : 'register'); setProblem(undefined); }}>
        {mode === 'register' ? 'I have an account: sign in' : 'New here? Create an account'}
      </button>
    </section>
  );
}
