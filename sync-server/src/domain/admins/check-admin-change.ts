/**
 * Which changes to an admin account are allowed, as a pure function of the stored and the new
 * state: nobody deactivates or deletes themselves, and the last active admin stays. Who may
 * write which field is the access policy's business (prepareWrite), not this file's.
 */

/** The fields of an admin document these rules look at. */
export interface AdminState {
  readonly id: string;
  readonly _deleted: boolean;
  readonly isActive?: unknown;
}

export type AdminChangeCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'CANNOT_CHANGE_SELF' | 'LAST_ACTIVE_ADMIN'; readonly reason: string };

const isLiveAndActive = (admin: AdminState | undefined): boolean => admin !== undefined && !admin._deleted && admin.isActive === true;

/** Whether this change takes an existing admin out of service: deleted, or no longer active. */
export function isAdminRemoval(stored: AdminState | undefined, next: AdminState): boolean {
  if (stored === undefined || stored._deleted) return false;
  return next._deleted || next.isActive !== true;
}

export interface AdminChange {
  /** The admin making the change. */
  readonly callerId: string;
  readonly stored: AdminState | undefined;
  readonly next: AdminState;
  /** How many live, active admins there are besides the one being changed. */
  readonly otherActiveAdmins: number;
}

export function checkAdminChange({ callerId, stored, next, otherActiveAdmins }: AdminChange): AdminChangeCheck {
  if (!isAdminRemoval(stored, next)) return { ok: true };
  // An admin who locks themselves out by mistake needs another admin to undo it; one who has
  // to hand over should ask another admin, who then knows.
  if (next.id === callerId) {
    return { ok: false, code: 'CANNOT_CHANGE_SELF', reason: 'You cannot deactivate or delete your own admin account; ask another admin' };
  }
  // With no active admin left, nobody could sign in to manage the shop again.
  if (isLiveAndActive(stored) && otherActiveAdmins < 1) {
    return { ok: false, code: 'LAST_ACTIVE_ADMIN', reason: 'This is the last active admin; activate or create another admin first' };
  }
  return { ok: true };
}
