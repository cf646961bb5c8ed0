/**
 * Managing admins as pure rules: the list (active first, then by name), what each row may offer
 * (never deactivating oneself: the server refuses it too), and the new-admin form's checks. No
 * React, no RxDB, no passwords kept: they go straight to the server's endpoint.
 */
import { emailSchema, minAdminPasswordLength, personNameSchema, type Admin } from '@oa/schema';

export type AdminRow = Pick<Admin, 'id' | 'name' | 'email' | 'isActive'> & Partial<Pick<Admin, '_deleted' | 'lastLoginAt'>>;

export function sortAdmins(admins: readonly AdminRow[]): AdminRow[] {
  return admins.filter((admin) => !admin._deleted).sort((a, b) => Number(b.isActive) - Number(a.isActive) || a.name.localeCompare(b.name, 'en-IN'));
}

/** Whether this row may be deactivated (or activated) from here: not one's own account. */
export const canToggle = (admin: Pick<AdminRow, 'id'>, selfId: string | undefined): boolean => admin.id !== selfId;

export interface NewAdminForm {
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

/** The server's rule (@oa/schema), so the form never promises what the server refuses. */
export const minAdminPassword = minAdminPasswordLength;

export type NewAdminCheck =
  | { readonly ok: true; readonly admin: NewAdminForm }
  | { readonly ok: false; readonly errors: Partial<Record<keyof NewAdminForm, string>> };

export function checkNewAdmin(form: NewAdminForm): NewAdminCheck {
  const name = form.name.trim();
  const email = form.email.trim().toLowerCase();
  const errors: Partial<Record<keyof NewAdminForm, string>> = {};
  if (!personNameSchema.safeParse(name).success) errors.name = 'Enter their name (up to 100 characters)';
  if (!emailSchema.safeParse(email).success) errors.email = 'Enter an email address like name@example.in';
  if (form.password.length < minAdminPassword) errors.password = `Use at least ${minAdminPassword} characters`;
  else if (form.password.length > 256) errors.password = 'Use at most 256 characters';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, admin: { name, email, password: form.password } };
}
