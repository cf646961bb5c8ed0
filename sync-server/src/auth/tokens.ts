/**
 * Access tokens: short-lived JWTs signed with the server's Ed25519 key (jose). Signing and the
 * cryptographic and claim checks only; whether the token's session is still live is checked by
 * create-auth.ts, which has the storage. Every failure is an AppError 401 with a stable code.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { idSchema } from '@oa/schema';
import { AppError } from '../http/app-error';
import type { VerifiedToken } from './auth';
import type { SigningKey } from './signing-key';

export type SignedInRole = 'customer' | 'admin';

export interface AccessTokenSubject {
  /** A user's id for customers, an admin's id for admins. */
  readonly sub: string;
  readonly role: SignedInRole;
  /** The session the token was issued for. */
  readonly sid: string;
}

export interface AccessTokens {
  sign(subject: AccessTokenSubject): Promise<{ readonly token: string; readonly expiresAt: Date }>;
  /** Signature, algorithm, type, issuer, audience, expiry and claim shapes; not the session. */
  verify(token: string): Promise<VerifiedToken>;
}

export interface AccessTokenOptions {
  readonly key: SigningKey;
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds: number;
  readonly now: () => Date;
}

/** RFC 9068's media type: an ID token or any other JWT signed with this key is not an access token. */
const tokenType = 'at+jwt';
/** Far above any token we sign (about 400 bytes): a huge header is refused before any parsing. */
const maxTokenLength = 4096;

// Claims are checked after the signature: a correctly signed token with an unknown role or a
// malformed subject is still refused rather than trusted.
const claimsSchema = z.object({
  sub: idSchema,
  role: z.enum(['customer', 'admin']),
  sid: idSchema,
  exp: z.int(),
  iat: z.int(),
  jti: z.string().min(1),
});

/** Clocks of the processes that sign and verify may differ by this much (seconds). */
const clockSkewSeconds = 60;

/**
 * Tokens whose signature and claims were checked, kept so a client's next requests skip the
 * signature check (an Ed25519 verification is most of an authenticated request's own CPU). Safe:
 * an entry is the exact token string we verified, so a forged or altered token is another key
 * and is verified in full; an entry goes when the token expires (checked on every hit, too).
 * The session is still read on every request (create-auth.ts), so a sign-out ends access at once.
 */
const verifiedTokens = 10_000;

export function createAccessTokens({ key, issuer, audience, ttlSeconds, now }: AccessTokenOptions): AccessTokens {
  const verified = new LRUCache<string, VerifiedToken>({ max: verifiedTokens });
  return {
    async sign({ sub, role, sid }) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const expiresAt = issuedAt + ttlSeconds;
      const token = await new SignJWT({ role, sid })
        .setProtectedHeader({ alg: key.algorithm, typ: tokenType })
        .setSubject(sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .setJti(randomUUID())
        .sign(key.privateKey);
      return { token, expiresAt: new Date(expiresAt * 1000) };
    },

    async verify(token) {
      if (token.length > maxTokenLength) throw tokenInvalid();
      const known = verified.get(token);
      if (known) {
        if (known.expiresAt.getTime() > now().getTime()) return known;
        verified.delete(token);
        throw new AppError(401, 'TOKEN_EXPIRED', 'The access token has expired; refresh it');
      }
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, key.publicKey, {
          // Pinned: `none`, HS256 keyed with our public key, or any other algorithm is refused
          // before the signature is looked at, whatever the token's header claims.
          algorithms: [key.algorithm],
          typ: tokenType,
          issuer,
          audience,
          currentDate: now(),
          requiredClaims: ['sub', 'exp', 'iat', 'jti'],
        }));
      } catch (error) {
        // jose checks the signature before the claims: an expired token is reported as expired
        // only when it is genuinely ours, so the code never confirms anything about a forgery.
        if (error instanceof errors.JWTExpired) throw new AppError(401, 'TOKEN_EXPIRED', 'The access token has expired; refresh it', { cause: error });
        throw tokenInvalid(error);
      }
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) throw tokenInvalid(claims.error);
      const { sub, role, sid, exp, iat } = claims.data;
      // Defence in depth against a signing key that leaked, or one signing with other settings:
      // no token issued in the future, none living longer than this server issues them for.
      const nowSeconds = Math.floor(now().getTime() / 1000);
      if (iat > nowSeconds + clockSkewSeconds || exp - iat > ttlSeconds || exp > nowSeconds + ttlSeconds + clockSkewSeconds) throw tokenInvalid();
      // Frozen: one object serves every request that presents this token.
      const result: VerifiedToken = Object.freeze({ caller: Object.freeze({ role, id: sub }), sessionId: sid, expiresAt: new Date(exp * 1000) });
      verified.set(token, result);
      return result;
    },
  };
}

function tokenInvalid(cause?: unknown): AppError {
  return new AppError(401, 'TOKEN_INVALID', 'The access token is not valid', { cause });
}
