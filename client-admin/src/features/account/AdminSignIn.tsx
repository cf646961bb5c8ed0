/** The admins' sign-in (no registration: admins are added by other admins); after a session ended, what waits on the device goes up once signed in again. */
import { isSyncHttpError, type AppSession, type SessionStore } from '@oa/client-sync';
import { useState, type FormEvent } from 'react';

const messages: Record<string, string> = {
  INVALID_CREDENTIALS: 'That email and password do not match an active admin.',
  TOO_MANY_REQUESTS: 'Too many attempts: wait a minute and try again.',
  CLIENT_OUTDATED: 'This version of the admin app is out of date: update it (the banner above), then sign in.',
};

export function AdminSignIn({ store, ended }: { store: SessionStore; ended: AppSession | undefined }) {
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblem(undefined);
    try {
      await store.signIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
    } catch (error) {
      setProblem(isSyncHttpError(error) ? (messages[error.code] ?? error.message) : 'The server could not be reached. Signing in needs a connection.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="sign-in-title" className="panel sign-in">
      <h2 id="sign-in-title">Admin sign-in</h2>
      {ended ? <p role="status" className="note">Your session has ended: sign in again to send the changes saved on this device.</p> : null}
      <form className="form" onSubmit={(event) => void submit(event)}>
        <label>Email <input name="email" type="email" autoComplete="username" required defaultValue={ended?.email} /></label>
        <label>Password <input name="password" type="password" autoComplete="current-password" required /></label>
        {problem ? <p role="alert" className="problem">{problem}</p> : null}
        <button type="submit" className="big" disabled={busy}>Sign in</button>
      </form>
    </section>
  );
}
