/**
 * The admin-account requests that must never travel through a synced field: creating an admin
 * with a password, and setting one (docs/sync-protocol.md, "Admin accounts"). Online only; every
 * failure becomes a SyncHttpError with the server's stable code. The HTTP shell; no React.
 */
import { protocolHeaders, toSyncHttpError, type FetchLike } from '@oa/client-sync';
import type { Admin } from '@oa/schema';

export interface AdminAccountsOptions {
  readonly getSyncUrl: () => Promise<string>;
  readonly getAccessToken: () => Promise<string | undefined>;
  readonly fetch?: FetchLike;
}

export interface AdminAccounts {
  create(input: { email: string; name: string; password: string }): Promise<Omit<Admin, 'passwordHash'>>;
  setPassword(adminId: string, password: string, currentPassword?: string): Promise<void>;
}

export function createAdminAccounts(options: AdminAccountsOptions): AdminAccounts {
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  async function post(path: string, body: unknown): Promise<Response> {
    const token = await options.getAccessToken();
    const response = await fetchFn(`${await options.getSyncUrl()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...protocolHeaders, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw await toSyncHttpError(response);
    return response;
  }
  return {
    async create(input) {
      const answer = (await (await post('/admin/admins', input)).json()) as { admin: Omit<Admin, 'passwordHash'> };
      return answer.admin;
    },
    async setPassword(adminId, password, currentPassword) {
      await post(`/admin/admins/${encodeURIComponent(adminId)}/password`, currentPassword === undefined ? { password } : { password, currentPassword });
    },
  };
}
