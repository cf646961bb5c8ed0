/**
 * Sessions as rows of the `sessions` collection: starting one at sign-in, rotating its refresh
 * token, ending it, and looking up a live one for each authenticated request. Every change is a
 * compare-and-set write on the seq that was read, so concurrent refreshes cannot both win.
 */
import { randomUUID } from 'node:crypto';
import { sessionSchema, validateDocument, type Session } from '@oa/schema';
import { AppError } from '../http/app-error';
import type { Storage, StoredRow } from '../storage/port';
import { toRevokedSession } from './end-account-sessions';
import { createRefreshToken, decideRefresh, hashRefreshToken, isSessionLive, parseRefreshToken } from './refresh-tokens';
import type { SignedInRole } from './tokens';

export interface StartedSession {
  readonly session: Session;
  /** The only time the plain token exists on the server; only its hash is stored. */
  readonly refreshToken: string;
}

export interface Sessions {
  start(input: { readonly userId: string; readonly role: SignedInRole; readonly deviceName: string }): Promise<StartedSession>;
  /**
   * Rotates a refresh token: the session's current token yields a new one; an already-used one
   * ends the session (401 REFRESH_TOKEN_REUSED); anything else is 401 INVALID_REFRESH_TOKEN.
   * `isAccountActive` is asked before rotating, so a removed or deactivated account cannot refresh.
   */
  refresh(refreshToken: string, isAccountActive: (session: Session) => Promise<boolean>): Promise<StartedSession>;
  /** Ends a session (sign-out); ending one that already ended is not an error. */
  end(sessionId: string): Promise<void>;
  /** The session if it exists, is not deleted or revoked and has not expired. */
  findLive(sessionId: string): Promise<Session | undefined>;
}

export interface SessionsOptions {
  readonly storage: Storage;
  readonly now: () => Date;
  /** How long a session lasts after its last refresh (sliding: a device in use stays signed in). */
  readonly ttlSeconds: number;
}

/** How many rotated-away hashes a session remembers for reuse detection (the schema's cap). */
const keptUsedHashes = 20;
/** Compare-and-set retries; each conflict means another request changed the session first. */
const maxAttempts = 5;

export function createSessions({ storage, now, ttlSeconds }: SessionsOptions): Sessions {
  const expiresAt = (at: Date): string => new Date(at.getTime() + ttlSeconds * 1000).toISOString();

  async function read(sessionId: string): Promise<StoredRow | undefined> {
    const [row] = await storage.readByIds('sessions', [sessionId]);
    return row;
  }

  /** Writes one session state on the seq it was based on; the row now stored if someone else won. */
  async function write(doc: Session, expectedSeq: number | null): Promise<{ written: true; row: StoredRow } | { written: false; current: StoredRow | undefined }> {
    const checked = validateDocument('sessions', doc);
    // Our own bug if this fails; refuse to store a session the rest of the system cannot read.
    if (!checked.ok) throw new Error(`invalid session document: ${checked.error.message}`);
    const [result] = await storage.write('sessions', [{ id: doc.id, expectedSeq, doc: checked.value as Session }]);
    if (result?.kind === 'written') return { written: true, row: result.row };
    if (result?.kind === 'conflict') return { written: false, current: result.current ?? undefined };
    throw new Error(`unexpected session write result: ${result?.kind ?? 'none'}`);
  }

  return {
    async start({ userId, role, deviceName }) {
      const at = now();
      const id = randomUUID();
      const issued = createRefreshToken(id, 0);
      const doc: Session = {
        id,
        _deleted: false,
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
        userId,
        role,
        refreshTokenHash: issued.hash,
        generation: 0,
        usedRefreshTokenHashes: [],
        deviceName,
        lastUsedAt: at.toISOString(),
        expiresAt: expiresAt(at),
      };
      const result = await write(doc, null);
      if (!result.written) throw new Error('a new session id is already taken');
      return { session: toSession(result.row)!, refreshToken: issued.token };
    },

    async refresh(refreshToken, isAccountActive) {
      const parsed = parseRefreshToken(refreshToken);
      if (!parsed) throw invalidRefreshToken();
      const presented = hashRefreshToken(refreshToken);
      let row = await read(parsed.sessionId);
      let sawReuse = false;
      for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
        const session = row && toSession(row);
        const at = now();
        const decision = decideRefresh(session, presented, at);
        if (decision.kind === 'ended' || decision.kind === 'unknown') {
          // Lost a race to another request that revoked the session over this same reuse.
          throw sawReuse ? refreshTokenReused() : invalidRefreshToken();
        }
        if (decision.kind === 'reused') {
          sawReuse = true;
          const result = await write(toRevokedSession(session!, at), row!.seq);
          if (result.written) throw refreshTokenReused();
          row = result.current;
          continue;
        }
        if (!(await isAccountActive(session!))) throw invalidRefreshToken();
        const generation = session!.generation + 1;
        const issued = createRefreshToken(session!.id, generation);
        const next: Session = {
          ...session!,
          refreshTokenHash: issued.hash,
          generation,
          usedRefreshTokenHashes: [...session!.usedRefreshTokenHashes, session!.refreshTokenHash].slice(-keptUsedHashes),
          lastUsedAt: at.toISOString(),
          expiresAt: expiresAt(at),
        };
        // Compare-and-set on the seq we read: of two requests presenting the same token, one
        // writes and the other sees a conflict, re-reads, finds its token used, and ends the session.
        const result = await write(next, row!.seq);
        if (result.written) return { session: toSession(result.row)!, refreshToken: issued.token };
        row = result.current;
      }
      throw new AppError(503, 'SESSION_BUSY', 'The session is being changed by another request; try again');
    },

    async end(sessionId) {
      let row = await read(sessionId);
      for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
        const session = row && toSession(row);
        if (!session || session._deleted) return;
        const result = await write(toRevokedSession(session, now()), row!.seq);
        if (result.written) return;
        row = result.current;
      }
      throw new AppError(503, 'SESSION_BUSY', 'The session is being changed by another request; try again');
    },

    async findLive(sessionId) {
      const row = await read(sessionId);
      const session = row && toSession(row);
      return session && isSessionLive(session, now()) ? session : undefined;
    },
  };
}

/** A stored row as a Session; a row that does not parse is treated as no session at all. */
function toSession(row: StoredRow): Session | undefined {
  const parsed = sessionSchema.safeParse(row.doc);
  return parsed.success ? parsed.data : undefined;
}

function invalidRefreshToken(): AppError {
  return new AppError(401, 'INVALID_REFRESH_TOKEN', 'The refresh token is not valid; sign in again');
}

function refreshTokenReused(): AppError {
  return new AppError(401, 'REFRESH_TOKEN_REUSED', 'The refresh token was already used; the session has ended, sign in again');
}
