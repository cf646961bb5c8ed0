// @vitest-environment happy-dom
import { SyncHttpError } from '@oa/client-sync';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminsPage } from './AdminsPage';

afterEach(() => cleanup());

const admins = [
  { id: 'me', name: 'Anil', email: 'anil@example.in', isActive: true },
  { id: 'other', name: 'Bala', email: 'bala@example.in', isActive: true },
];

describe('the admins page', () => {
  it('offers to deactivate others, never oneself', () => {
    const onToggle = vi.fn();
    render(<AdminsPage admins={admins} selfId="me" waiting={new Set()} onToggle={onToggle} onCreate={vi.fn()} onSetPassword={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Deactivate Anil' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate Bala' }));
    expect(onToggle).toHaveBeenCalledWith('other', false);
  });

  it('adds an admin once the form is right, and says when the email is taken', async () => {
    const onCreate = vi.fn(async () => {
      throw new SyncHttpError(409, 'EMAIL_TAKEN', 'taken');
    });
    render(<AdminsPage admins={admins} selfId="me" waiting={new Set()} onToggle={vi.fn()} onCreate={onCreate} onSetPassword={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add an admin' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add admin' }));
    expect(screen.getByText('Use at least 12 characters')).toBeTruthy();
    expect(onCreate).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Chandra' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'Chandra@Example.in' } });
    fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: 'a long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add admin' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('An admin with this email already exists.'));
    expect(onCreate).toHaveBeenCalledWith({ name: 'Chandra', email: 'chandra@example.in', password: 'a long enough password' });
  });

  it('sets another admin’s password without asking for theirs, and one’s own only with the current one', async () => {
    const onSetPassword = vi.fn(async () => undefined);
    render(<AdminsPage admins={admins} selfId="me" waiting={new Set()} onToggle={vi.fn()} onCreate={vi.fn()} onSetPassword={onSetPassword} />);
    fireEvent.click(screen.getByRole('button', { name: 'Set a new password for Bala' }));
    expect(screen.getByText(/signed out everywhere/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
    expect(screen.getByText('Use at least 12 characters')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'bala new password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
    await waitFor(() => expect(onSetPassword).toHaveBeenCalledWith('other', 'bala new password', undefined));

    fireEvent.click(screen.getByRole('button', { name: 'Change my password' }));
    fireEvent.change(screen.getByLabelText('Current password'), { target: { value: 'my old password' } });
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'my new long password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
    await waitFor(() => expect(onSetPassword).toHaveBeenLastCalledWith('me', 'my new long password', 'my old password'));
  });
});
