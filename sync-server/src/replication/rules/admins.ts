/**
 * Admin rules on push. The access policy decides who may write which field (prepareWrite);
 * checkAdminChange refuses removing oneself (CANNOT_CHANGE_SELF) or the last active admin
 * (LAST_ACTIVE_ADMIN). An admin deactivated or deleted loses every session at once, which
 * closes their live streams. Passwords are never set here: see auth/admin-accounts.ts.
 */
import { endAccountSessions } from '../../auth/end-account-sessions';
import { checkAdminChange, isAdminRemoval } from '../../domain/admins/check-admin-change';
import { authoritativeState } from '../../policy/caller-view';
import { prepareWrite } from '../../policy/prepare-write';
import type { Storage, StoredRow } from '../../storage/port';
import type { CollectionRules, RowOutcome, RuleContext } from '../push';

/** Retries when someone changes the admin while we put a refused removal back. */
const maxRestoreAttempts = 5;

export function createAdminRules(): CollectionRules {
  return {
    async handleRow(context, row, stored) {
      const { storage, caller } = context;
      const prepared = prepareWrite({ collection: 'admins', caller, stored: stored?.doc, incoming: row.incoming, now: context.now().toISOString() });
      if (prepared.kind === 'refuse') return refused(context, row.id, stored, prepared.code, prepared.message);
      if (prepared.kind === 'unchanged') return { kind: 'written' };
      const next = prepared.doc;
      const removal = isAdminRemoval(stored?.doc, next);
      const check = checkAdminChange({
        callerId: caller.id,
        stored: stored?.doc,
        next,
        otherActiveAdmins: removal ? await countActiveAdmins(storage, row.id) : 0,
      });
      if (!check.ok) return refused(context, row.id, stored, check.code, check.reason);

      const [result] = await storage.write('admins', [{ id: row.id, expectedSeq: stored?.seq ?? null, doc: prepared.doc }]);
      if (result?.kind === 'conflict') return { kind: 'conflict', state: authoritativeState('admins', caller, row.id, result.current?.doc) };
      if (result?.kind === 'duplicate') return refused(context, row.id, stored, 'DUPLICATE', 'Another admin already has this email');
      if (result?.kind !== 'written') return refused(context, row.id, stored, 'ADMIN_NOT_SAVED', 'The admin could not be saved just now; try again');
      if (!removal) return { kind: 'written' };

      // Checked again after the write: two admins removing each other at the same moment both
      // saw the other active before either wrote. Whoever now finds nobody active puts their
      // change back, so the shop always keeps an admin who can sign in.
      if (stored!.doc.isActive === true && (await countActiveAdmins(storage)) === 0) {
        const current = await restore(storage, result.row, stored!);
        const message = 'Another admin was removed at the same moment; this is now the last active admin';
        return { kind: 'refused', code: 'LAST_ACTIVE_ADMIN', message, state: authoritativeState('admins', caller, row.id, current?.doc) };
      }
      // A removed admin's sessions end now, not when their access token expires: every request
      // checks the session, and the stream hub closes the streams of ended sessions.
      await endAccountSessions(storage, context.now, { userId: row.id, role: 'admin' });
      return { kind: 'written' };
    },
  };
}

function refused(context: RuleContext, id: string, stored: StoredRow | undefined, code: string, message: string): RowOutcome {
  return { kind: 'refused', code, message, state: authoritativeState('admins', context.caller, id, stored?.doc) };
}

/** Live, active admins, leaving out `exceptId`; at most two are read, since only "none" matters. */
async function countActiveAdmins(storage: Storage, exceptId?: string): Promise<number> {
  const found = await storage.findMany('admins', { isActive: true }, 2);
  return found.filter((row) => row.doc.id !== exceptId).length;
}

/** Puts an admin back as active (as stored before the refused removal); returns the row now stored. */
async function restore(storage: Storage, written: StoredRow, before: StoredRow): Promise<StoredRow | undefined> {
  let current: StoredRow | undefined = written;
  for (let attempt = 0; attempt < maxRestoreAttempts && current; attempt += 1) {
    // Someone else already brought the admin back (or changed it while active): nothing to undo.
    if (!current.doc._deleted && current.doc.isActive === true) return current;
    // First the whole refused change is undone; after a lost race, only the removal is.
    const doc = current === written ? before.doc : { ...current.doc, _deleted: false, isActive: true };
    const [result] = await storage.write('admins', [{ id: written.doc.id, expectedSeq: current.seq, doc }]);
    if (result?.kind === 'written') return result.row;
    current = result?.kind === 'conflict' ? (result.current ?? undefined) : undefined;
  }
  return current;
}
