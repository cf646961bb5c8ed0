/**
 * Accounts as the auth routes need them: registering a customer, checking an email and password
 * against `users` or `admins`, and whether an account may still refresh. Sessions and tokens
 * are not handled here (sessions.ts, tokens.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { validateDocument, type User } from '@oa/schema';
import { AppError } from '../http/app-error';
import type { Storage, StoredRow } from '../storage/port';
import type { PasswordHasher } from './passwords';
import type { SignedInRole } from './tokens';

export interface Accounts {
  /** A new active customer; 409 EMAIL_TAKEN when a live user already has the email. */
  register(input: { readonly email: string; readonly password: string; readonly name: string }): Promise<StoredRow>;
  /** The account's stored row; 401 INVALID_CREDENTIALS, one answer for every reason. */
  signIn(role: SignedInRole, email: string, password: string): Promise<StoredRow>;
  /** Whether the account exists, is not deleted and is active. */
  isActive(role: SignedInRole, id: string): Promise<boolean>;
}

export interface AccountsOptions {
  readonly storage: Storage;
  readonly passwords: PasswordHasher;
  readonly now: () => Date;
}

const collectionOf = (role: SignedInRole) => (role === 'admin' ? 'admins' : 'users');

export async function createAccounts({ storage, passwords, now }: AccountsOptions): Promise<Accounts> {
  // Checked in place of a missing account's hash, at the same cost as a real one, so an unknown
  // email takes as long to refuse as a wrong password and response times do not reveal accounts.
  const dummyHash = await passwords.hash(randomBytes(18).toString('base64url'));

  /** Best effort: a failed or lost write only means the same work is tried at the next login. */
  async function updateAfterSignIn(role: SignedInRole, row: StoredRow, password: string): Promise<StoredRow> {
    const changes: Record<string, unknown> = {};
    // Parameters raised since this hash was made: the plain password is at hand only now.
    if (passwords.needsRehash(row.doc.passwordHash as string)) changes.passwordHash = await passwords.hash(password);
    if (role === 'admin') changes.lastLoginAt = now().toISOString();
    if (Object.keys(changes).length === 0) return row;
    const checked = validateDocument(collectionOf(role), { ...row.doc, ...changes });
    if (!checked.ok) return row;
    const [result] = await storage.write(collectionOf(role), [{ id: row.doc.id, expectedSeq: row.seq, doc: checked.value as StoredRow['doc'] }]);
    return result?.kind === 'written' ? result.row : row;
  }

  return {
    async register({ email, password, name }) {
      const at = now().toISOString();
      const doc: User = {
        id: randomUUID(),
        _deleted: false,
        createdAt: at,
        updatedAt: at,
        email,
        name,
        addresses: [],
        passwordHash: await passwords.hash(password),
        isActive: true,
      };
      const checked = validateDocument('users', doc);
      if (!checked.ok) throw new AppError(400, 'VALIDATION_FAILED', checked.error.message);
      // The unique index decides, inside the write: a check-then-insert would let two
      // registrations of one email both pass the check.
      const [result] = await storage.write('users', [{ id: doc.id, expectedSeq: null, doc: checked.value as User }]);
      if (result?.kind === 'duplicate') throw new AppError(409, 'EMAIL_TAKEN', 'An account with this email already exists');
      if (result?.kind !== 'written') throw new Error(`registering a user: unexpected write result ${result?.kind ?? 'none'}`);
      return result.row;
    },

    async signIn(role, email, password) {
      const row = await storage.findOne(collectionOf(role), { email });
      const stored = typeof row?.doc.passwordHash === 'string' ? row.doc.passwordHash : dummyHash;
      const matches = await passwords.verify(password, stored);
      // One refusal for a missing account, a wrong password and an inactive account, decided
      // only after the hash was checked, so neither the body nor the timing tells them apart.
      if (!row || !matches || row.doc.isActive !== true) {
        throw new AppError(401, 'INVALID_CREDENTIALS', 'The email or password is wrong');
      }
      return updateAfterSignIn(role, row, password);
    },

    async isActive(role, id) {
      const [row] = await storage.readByIds(collectionOf(role), [id]);
      return row !== undefined && !row.doc._deleted && row.doc.isActive === true;
    },
  };
}
