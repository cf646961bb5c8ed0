/**
 * Admin rules on push. The access policy decides who may write which field (prepareWrite);
 * checkAdminChange refuses removing oneself (CANNOT_CHANGE_SELF) or the last active admin
 * (LAST_ACTIVE_ADMIN). A removal is one unit of work with the admin it relies on staying active,
 * so no race can leave the shop without one. An admin deactivated or deleted loses every session
 * at once, which closes their live streams. Passwords are never set here: see auth/admin-accounts.ts.
 */
import { endAccountSessions } from '../../auth/end-account-sessions';
import { checkAdminChange, isAdminRemoval } from '../../domain/admins/check-admin-change';
import { authoritativeState } from '../../policy/caller-view';
import { prepareWrite } from '../../policy/prepare-write';
import type { Storage, StoredRow } from '../../storage/port';
import type { CollectionRules, RowOutcome, RuleContext } from '../push';

/** How often a removal is planned again after its guard (another active admin) changed. */
const maxPlans = 5;

export function createAdminRules(): CollectionRules {
  return {
    async handleRow(context, row, stored) {
      const { storage, caller } = context;
      const prepared = prepareWrite({ collection: 'admins', caller, stored: stored?.doc, incoming: row.incoming, now: context.now().toISOString() });
      if (prepared.kind === 'refuse') return refused(context, row.id, stored, prepared.code, prepared.message);
      if (prepared.kind === 'unchanged') return { kind: 'written' };
      const next = prepared.doc;
      const removal = isAdminRemoval(stored?.doc, next);

      for (let plan = 0; plan < maxPlans; plan++) {
        // A removal is planned against another active admin who stays: the guard.
        const guard = removal && stored?.doc.isActive === true ? await findOtherActiveAdmin(storage, row.id) : undefined;
        const check = checkAdminChange({ callerId: caller.id, stored: stored?.doc, next, otherActiveAdmins: guard ? 1 : 0 });
        if (!check.ok) return refused(context, row.id, stored, check.code, check.reason);
        // The guard is written back unchanged in the same unit, so its sequence is compared at
        // commit: two admins removing each other at once each plan against the other, and only
        // one unit can commit. A read alone would not do on MongoDB, whose transactions read a
        // snapshot (both would see the other active and both commit: write skew).
        const result = await storage.commit([
          { collection: 'admins', id: row.id, expectedSeq: stored?.seq ?? null, doc: next },
          ...(guard ? [{ collection: 'admins' as const, id: guard.doc.id, expectedSeq: guard.seq, doc: guard.doc }] : []),
        ]);
        if (result.kind === 'moved' && result.id !== row.id) continue; // the guard changed: look again
        if (result.kind === 'moved') return { kind: 'conflict', state: authoritativeState('admins', caller, row.id, result.current?.doc) };
        if (result.kind === 'duplicate') return refused(context, row.id, stored, 'DUPLICATE', 'Another admin already has this email');
        if (!removal) return { kind: 'written' };
        // A removed admin's sessions end now, not when their access token expires. Should the
        // process stop before this, nothing is lost: every request checks that an admin's
        // account is still active (create-auth.ts), and the stream hub closes ended sessions.
        await endAccountSessions(storage, context.now, { userId: row.id, role: 'admin' });
        return { kind: 'written' };
      }
      return refused(context, row.id, stored, 'ADMIN_NOT_SAVED', 'The admins are being changed by other requests; try again');
    },
  };
}

function refused(context: RuleContext, id: string, stored: StoredRow | undefined, code: string, message: string): RowOutcome {
  return { kind: 'refused', code, message, state: authoritativeState('admins', context.caller, id, stored?.doc) };
}

/** A live, active admin other than `exceptId`, if there is one (at most two are read). */
async function findOtherActiveAdmin(storage: Storage, exceptId: string): Promise<StoredRow | undefined> {
  const found = await storage.findMany('admins', { isActive: true }, 2);
  return found.find((row) => row.doc.id !== exceptId);
}
