// @vitest-environment happy-dom
import { SyncHttpError } from '@oa/client-sync';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '../../testing/render';
import type { SessionStore } from '@oa/client-sync';
import { SignInForm } from './SignInForm';

const store = (overrides: Partial<SessionStore>): SessionStore =>
  ({ signIn: vi.fn(), register: vi.fn(), ...overrides }) as unknown as SessionStore;

describe('signing in', () => {
  it('says plainly when the email and password do not match', async () => {
    const signIn = vi.fn(async () => {
      throw new SyncHttpError(401, 'INVALID_CREDENTIALS', 'Invalid email or password');
    });
    render(<SignInForm store={store({ signIn })} ended={undefined} />);
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'me@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Sign in' }).closest('form')!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That email and password do not match an account.'));
    expect(signIn).toHaveBeenCalledWith('me@example.com', 'wrong');
  });

  it('says that signing in needs a connection when the server cannot be reached', async () => {
    render(<SignInForm store={store({ signIn: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) })} ended={undefined} />);
    fireEvent.submit(screen.getByRole('button', { name: 'Sign in' }).closest('form')!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/needs a connection/));
  });

  it('tells a shopper whose session ended that their changes wait for them', () => {
    render(<SignInForm store={store({})} ended={{ userId: 'u1', name: 'Asha', email: 'asha@example.com' }} waiting={3} />);
    expect(screen.getByRole('status').textContent).toMatch(/sign in again to send your saved changes \(3 waiting\)/);
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('asha@example.com');
  });
});
