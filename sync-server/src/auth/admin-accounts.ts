/**
 * Admin accounts managed by other admins over HTTP: creating one with a usable password, and
 * setting an admin's password (one's own after checking the current one). Passwords are hashed
 * here and never travel through sync. The HTTP shell is admin-router.ts.
 */
import { randomUUID } from 'node:crypto';
import { idSchema, validateDocument, type Admin } from '@oa/schema';
import { AppError } from '../http/app-error';
import type { Storage, StoredRow } from '../storage/port';
import { endAccountSessions } from './end-account-sessions';
import type { PasswordHasher } from './passwords';

export interface AdminAccounts {
  /** A new active admin; 409 EMAIL_TAKEN when a live admin already has the email. */
  create(input: { readonly email: string; readonly name: string; readonly password: string }): Promise<StoredRow>;
  /**
   * Sets `adminId`'s password and ends that admin's sessions: all of them for another admin,
   * all but the caller's current one for the caller's own. 404 NOT_FOUND for an unknown or
   * deleted admin; for one's own id, `currentPassword` must be given and right (401 INVALID_CREDENTIALS).
   */
  setPassword(input: {
    readonly adminId: string;
    readonly password: string;
    readonly currentPassword?: string | undefined;
    readonly caller: { readonly id: string; readonly sessionId: string };
  }): Promise<void>;
}

export interface AdminAccountsOptions {
  readonly storage: Storage;
  readonly passwords: PasswordHasher;
  readonly now: () => Date;
}

/** Compare-and-set retries when the admin changes (a rename through sync) between read and write. */
const maxAttempts = 5;

export function createAdminAccounts({ storage, passwords, now }: AdminAccountsOptions): AdminAccounts {
  async function readLive(adminId: string): Promise<StoredRow> {
    // A malformed id names no admin: the same 404 as an unknown one.
    const [row] = idSchema.safeParse(adminId).success ? await storage.readByIds('admins', [adminId]) : [];
    if (!row || row.doc._deleted) throw new AppError(404, 'NOT_FOUND', 'No such admin');
    return row;
  }

  async function checkCurrentPassword(row: StoredRow, currentPassword: string): Promise<void> {
    const stored = typeof row.doc.passwordHash === 'string' ? row.doc.passwordHash : '';
    // A stolen access token alone must not be enough to take the account over for good.
    if (!(await passwords.verify(currentPassword, stored))) {
      throw new AppError(401, 'INVALID_CREDENTIALS', 'The current password is wrong');
    }
  }

  return {
    async create({ email, name, password }) {
      const at = now().toISOString();
      const doc: Admin = {
        id: randomUUID(),
        _deleted: false,
        createdAt: at,
        updatedAt: at,
        email,
        name,
        passwordHash: await passwords.hash(password),
        role: 'admin',
        isActive: true,
      };
      const checked = validateDocument('admins', doc);
      if (!checked.ok) throw new AppError(400, 'VALIDATION_FAILED', checked.error.message);
      // The unique index decides inside the write, so two admins inviting one email at once
      // cannot both succeed.
      const [result] = await storage.write('admins', [{ id: doc.id, expectedSeq: null, doc: checked.value as Admin }]);
      if (result?.kind === 'duplicate') throw new AppError(409, 'EMAIL_TAKEN', 'An admin with this email already exists');
      if (result?.kind !== 'written') throw new Error(`creating an admin: unexpected write result ${result?.kind ?? 'none'}`);
      return result.row;
    },

    async setPassword({ adminId, password, currentPassword, caller }) {
      const self = adminId === caller.id;
      if (self && currentPassword === undefined) {
        throw new AppError(400, 'VALIDATION_FAILED', 'currentPassword: required to change your own password');
      }
      let row = await readLive(adminId);
      if (self) await checkCurrentPassword(row, currentPassword!);
      const passwordHash = await passwords.hash(password);
      for (let attempt = 0; ; attempt += 1) {
        const checked = validateDocument('admins', { ...row.doc, passwordHash });
        if (!checked.ok) throw new Error(`setting a password: ${checked.error.message}`);
        const [result] = await storage.write('admins', [{ id: adminId, expectedSeq: row.seq, doc: checked.value as Admin }]);
        if (result?.kind === 'written') break;
        if (result?.kind !== 'conflict' || attempt + 1 >= maxAttempts) {
          throw new AppError(503, 'ADMIN_BUSY', 'The admin is being changed by another request; try again');
        }
        const previousHash = row.doc.passwordHash;
        row = await readLive(adminId);
        // Someone changed this password meanwhile: one's own must be proved again against it.
        if (self && row.doc.passwordHash !== previousHash) await checkCurrentPassword(row, currentPassword!);
      }
      // Whoever held a session for this account (a thief included) must sign in with the new
      // password; the caller changing their own keeps the session they are using.
      await endAccountSessions(storage, now, { userId: adminId, role: 'admin', exceptSessionId: self ? caller.sessionId : undefined });
    },
  };
}
