/** The admin-account rules as a table: self-removal and removing the last active admin are refused. */
import { describe, expect, it } from 'vitest';
import { checkAdminChange, isAdminRemoval, type AdminState } from './check-admin-change';

const active = (id: string): AdminState => ({ id, _deleted: false, isActive: true });
const inactive = (id: string): AdminState => ({ id, _deleted: false, isActive: false });
const deleted = (id: string): AdminState => ({ id, _deleted: true, isActive: true });

describe('checkAdminChange', () => {
  it.each([
    // caller, stored, next, other active admins, expected
    ['me', active('you'), inactive('you'), 1, 'ok'],
    ['me', active('you'), deleted('you'), 1, 'ok'],
    ['me', active('me'), inactive('me'), 3, 'CANNOT_CHANGE_SELF'],
    ['me', active('me'), deleted('me'), 3, 'CANNOT_CHANGE_SELF'],
    ['me', inactive('me'), deleted('me'), 3, 'CANNOT_CHANGE_SELF'],
    ['me', active('you'), inactive('you'), 0, 'LAST_ACTIVE_ADMIN'],
    ['me', active('you'), deleted('you'), 0, 'LAST_ACTIVE_ADMIN'],
    ['me', active('me'), inactive('me'), 0, 'CANNOT_CHANGE_SELF'],
    // Removing an admin who is already out of service takes nobody away.
    ['me', inactive('you'), deleted('you'), 0, 'ok'],
    // Not removals: a rename, a reactivation, a new admin, one created inactive.
    ['me', active('me'), active('me'), 0, 'ok'],
    ['me', inactive('you'), active('you'), 0, 'ok'],
    ['me', undefined, active('new'), 0, 'ok'],
    ['me', undefined, inactive('new'), 0, 'ok'],
    ['me', deleted('old'), active('old'), 0, 'ok'],
  ] as const)('caller %s changing %j to %j with %i other active admins: %s', (callerId, stored, next, otherActiveAdmins, expected) => {
    const result = checkAdminChange({ callerId, stored, next, otherActiveAdmins });
    expect(result.ok ? 'ok' : result.code).toBe(expected);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
  });

  it('counts a missing or non-boolean isActive as not active', () => {
    expect(isAdminRemoval(active('a'), { id: 'a', _deleted: false })).toBe(true);
    expect(isAdminRemoval(active('a'), { id: 'a', _deleted: false, isActive: 'yes' })).toBe(true);
  });
});
