import { SyncHttpError } from '@oa/client-sync';
import { describe, expect, it } from 'vitest';
import { createAdminAccounts } from './admin-accounts';

function fakeServer(status: number, body: unknown) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const accounts = createAdminAccounts({
    getSyncUrl: async () => 'https://sync.example',
    getAccessToken: async () => 'admin-token',
    fetch: async (url, init) => {
      calls.push({ url, init });
      return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    },
  });
  return { calls, accounts };
}

describe('admin accounts over HTTP', () => {
  it('creates an admin with the admin’s token and the protocol version', async () => {
    const { calls, accounts } = fakeServer(201, { admin: { id: 'a2', email: 'new@example.in', name: 'New' } });
    expect(await accounts.create({ email: 'new@example.in', name: 'New', password: 'a long password' })).toMatchObject({ id: 'a2' });
    expect(calls[0]?.url).toBe('https://sync.example/admin/admins');
    expect(calls[0]?.init?.headers).toMatchObject({ authorization: 'Bearer admin-token', 'x-oa-protocol': '1' });
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ email: 'new@example.in', name: 'New', password: 'a long password' });
  });

  it('sets a password, sending the current one only for one’s own', async () => {
    const { calls, accounts } = fakeServer(204, undefined);
    await accounts.setPassword('a/2', 'another long one');
    await accounts.setPassword('me', 'new long password', 'old long password');
    expect(calls.map((call) => call.url)).toEqual(['https://sync.example/admin/admins/a%2F2/password', 'https://sync.example/admin/admins/me/password']);
    expect(JSON.parse(String(calls[1]?.init?.body))).toEqual({ password: 'new long password', currentPassword: 'old long password' });
  });

  it('turns a refusal into the server’s code', async () => {
    const { accounts } = fakeServer(409, { error: { code: 'EMAIL_TAKEN', message: 'taken' } });
    await expect(accounts.create({ email: 'x@example.in', name: 'X', password: 'a long password' })).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    await expect(accounts.create({ email: 'x@example.in', name: 'X', password: 'a long password' })).rejects.toBeInstanceOf(SyncHttpError);
  });
});
