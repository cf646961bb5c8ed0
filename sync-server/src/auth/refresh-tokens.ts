/**
 * Refresh tokens as plain functions of data: their format `<sessionId>.<generation>.<secret>`,
 * the hash a session keeps instead of the token, and the decision a presented token leads to
 * (rotate, reuse, or refuse). Storage and HTTP live in sessions.ts and auth-router.ts.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { idSchema, type Session } from '@oa/schema';

export interface IssuedRefreshToken {
  /** Given to the client once, never stored. */
  readonly token: string;
  /** What the session stores: `sha256$<b64url>`. */
  readonly hash: string;
}

/** 32 random bytes: guessing one is hopeless, so a fast hash (not scrypt) is enough to store it. */
const secretBytes = 32;
const secretPattern = /^[A-Za-z0-9_-]{43}$/;

export function createRefreshToken(sessionId: string, generation: number): IssuedRefreshToken {
  const token = `${sessionId}.${generation}.${randomBytes(secretBytes).toString('base64url')}`;
  return { token, hash: hashRefreshToken(token) };
}

/** The session a token names, or undefined when it is not shaped like one of ours. */
export function parseRefreshToken(token: string): { readonly sessionId: string; readonly generation: number } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [sessionId, generation, secret] = parts as [string, string, string];
  if (!idSchema.safeParse(sessionId).success || !/^(0|[1-9][0-9]{0,8})$/.test(generation) || !secretPattern.test(secret)) return undefined;
  return { sessionId, generation: Number(generation) };
}

/** The whole token is hashed, so the session id and generation are bound to the secret. */
export function hashRefreshToken(token: string): string {
  return `sha256$${createHash('sha256').update(token, 'utf8').digest('base64url')}`;
}

/** Constant-time equality of two stored hashes. */
export function isSameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export type RefreshDecision =
  /** Missing, deleted, revoked or expired: nothing to rotate. */
  | { readonly kind: 'ended' }
  /** The session's current token: rotate it. */
  | { readonly kind: 'rotate' }
  /** A token this session already rotated away: someone replayed it, so end the session. */
  | { readonly kind: 'reused' }
  /** A token this session never issued: refuse it, and leave the session alone. */
  | { readonly kind: 'unknown' };

export function decideRefresh(session: Session | undefined, presentedHash: string, now: Date): RefreshDecision {
  if (!session || !isSessionLive(session, now)) return { kind: 'ended' };
  if (isSameHash(session.refreshTokenHash, presentedHash)) return { kind: 'rotate' };
  // Reuse of a genuine old token means two parties hold this session's tokens (a thief and the
  // owner); ending the session logs both out, and the owner can sign in again.
  if (session.usedRefreshTokenHashes.some((used) => isSameHash(used, presentedHash))) return { kind: 'reused' };
  // Not revoked on a mere mismatch: anyone who knows a session id could otherwise end it.
  return { kind: 'unknown' };
}

export function isSessionLive(session: Session, now: Date): boolean {
  return !session._deleted && session.revokedAt === undefined && Date.parse(session.expiresAt) > now.getTime();
}
