/**
 * Ends every live session of one account at once (a password reset, a deactivated or deleted
 * admin), optionally sparing the caller's own. Each session is revoked with compare-and-set, as
 * sessions.ts does for one, so the stream hub sees the revocation and closes its streams.
 */
import { sessionSchema, validateDocument, type Session } from '@oa/schema';
import type { Storage } from '../storage/port';
import type { SignedInRole } from './tokens';

export interface AccountSessions {
  readonly userId: string;
  readonly role: SignedInRole;
  /** A session to leave open: the caller's own, when they changed their own password. */
  readonly exceptSessionId?: string | undefined;
}

/** Sessions revoked per read; the sweep reads again until none is left. */
const pageSize = 200;
/** Bounds the sweep: an account with more live sessions than this is ended over later calls. */
const maxPages = 50;

/** A session as it ends: deleted, with when it was revoked (kept if it already was). */
export function toRevokedSession(session: Session, at: Date): Session {
  return { ...session, _deleted: true, revokedAt: session.revokedAt ?? at.toISOString() };
}

/** Returns how many sessions this call ended. */
export async function endAccountSessions(storage: Storage, now: () => Date, account: AccountSessions): Promise<number> {
  let ended = 0;
  for (let page = 0; page < maxPages; page += 1) {
    // Found through the owner index (sessions_sync_userId). Live sessions only: a revoked one is
    // deleted, so each page is new work, and one a concurrent sign-out ended drops out.
    const rows = (await storage.findMany('sessions', { userId: account.userId, role: account.role }, pageSize + 1))
      .filter((row) => row.doc.id !== account.exceptSessionId);
    if (rows.length === 0) return ended;
    const requests = rows.slice(0, pageSize).flatMap((row) => {
      const parsed = sessionSchema.safeParse(row.doc);
      // A row that does not parse is not a usable session (findLive refuses it too); skip it.
      if (!parsed.success) return [];
      const checked = validateDocument('sessions', toRevokedSession(parsed.data, now()));
      return checked.ok ? [{ id: row.doc.id, expectedSeq: row.seq, doc: checked.value as Session }] : [];
    });
    if (requests.length === 0) return ended;
    // A conflict means a refresh rotated that session meanwhile: the next read finds it again,
    // still live, and revokes it on its new seq.
    const results = await storage.write('sessions', requests);
    ended += results.filter((result) => result.kind === 'written').length;
  }
  return ended;
}
