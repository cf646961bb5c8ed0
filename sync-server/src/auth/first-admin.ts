/**
 * Creates the first admin on a database that has no active one, from ADMIN_EMAIL and
 * ADMIN_PASSWORD, or with a generated password printed once. Safe to run at every start and
 * from several processes at once: it never creates a second admin.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { validateDocument, type Admin } from '@oa/schema';
import type { Storage } from '../storage/port';
import type { PasswordHasher } from './passwords';

export interface FirstAdminOptions {
  readonly storage: Storage;
  readonly passwords: PasswordHasher;
  readonly email: string;
  /** Undefined: generate one and log it once. */
  readonly password: string | undefined;
  readonly now?: () => Date;
  /** Where the result is reported; main.ts adds its own prefix. */
  readonly log?: (line: string) => void;
}

export type FirstAdminResult =
  /** An active admin already exists; nothing was done. */
  | { readonly kind: 'exists' }
  | { readonly kind: 'created'; readonly id: string; readonly email: string; readonly generatedPassword: boolean }
  /** No active admin, but the email belongs to an inactive one: not reactivated behind anyone's back. */
  | { readonly kind: 'email-taken'; readonly email: string };

export async function ensureFirstAdmin({
  storage,
  passwords,
  email,
  password,
  now = () => new Date(),
  log = (line) => console.log(`[sync-server] ${line}`),
}: FirstAdminOptions): Promise<FirstAdminResult> {
  if (await storage.findOne('admins', { isActive: true })) return { kind: 'exists' };

  // 18 random bytes: 144 bits, 24 characters, typeable, and far beyond any guessing.
  const chosen = password ?? randomBytes(18).toString('base64url');
  const at = now().toISOString();
  const doc: Admin = {
    id: randomUUID(),
    _deleted: false,
    createdAt: at,
    updatedAt: at,
    email: email.trim().toLowerCase(),
    name: 'Administrator',
    passwordHash: await passwords.hash(chosen),
    role: 'admin',
    isActive: true,
  };
  const checked = validateDocument('admins', doc);
  if (!checked.ok) throw new Error(`first admin: ${checked.error.message}`);
  // The email's unique index is what makes this safe across processes: of two servers starting
  // on one empty database, one creates the admin and the other gets `duplicate`.
  const [result] = await storage.write('admins', [{ id: doc.id, expectedSeq: null, doc: checked.value as Admin }]);
  if (result?.kind === 'duplicate') {
    if (await storage.findOne('admins', { isActive: true })) return { kind: 'exists' };
    log(`first admin: no active admin, and ${doc.email} belongs to an inactive one; set ADMIN_EMAIL to another address`);
    return { kind: 'email-taken', email: doc.email };
  }
  if (result?.kind !== 'written') throw new Error(`first admin: unexpected write result ${result?.kind ?? 'none'}`);

  if (password === undefined) {
    // Printed once, only after the write succeeded, and never stored anywhere but as a hash.
    log(`first admin: ${doc.email} / password: ${chosen} (shown once: keep it, or set ADMIN_PASSWORD before the first start)`);
  } else {
    log(`first admin: ${doc.email} created with the password from ADMIN_PASSWORD`);
  }
  return { kind: 'created', id: doc.id, email: doc.email, generatedPassword: password === undefined };
}
