/**
 * Builds the server's authentication (auth.ts) from the storage and configuration: loads the
 * signing key (a bad one stops the server here, at start), and wires accounts, sessions, access
 * tokens, the /auth and /admin/admins routes and the middleware together. It does not create the first admin
 * (first-admin.ts) and does not listen.
 */
import type { Config } from '../config';
import { AppError } from '../http/app-error';
import { limitAttempts } from '../http/limit-attempts';
import type { Storage } from '../storage/port';
import { createAccounts } from './accounts';
import { createAdminAccounts } from './admin-accounts';
import { createAdminRouter } from './admin-router';
import type { Auth, VerifiedToken } from './auth';
import { createAuthRouter } from './auth-router';
import { createAuthenticate } from './authenticate';
import { createPasswordHasher, type PasswordHasher } from './passwords';
import { createSessions } from './sessions';
import { loadSigningKey } from './signing-key';
import { createAccessTokens } from './tokens';

export interface AuthDeps {
  readonly storage: Storage;
  readonly config: Config;
  readonly now?: () => Date;
  /** Tests pass a cheaper hasher; production uses the OWASP parameters (passwords.ts). */
  readonly passwords?: PasswordHasher;
}

export async function createAuth({ storage, config, now = () => new Date(), passwords = createPasswordHasher() }: AuthDeps): Promise<Auth> {
  const key = await loadSigningKey(config);
  const tokens = createAccessTokens({
    key,
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    ttlSeconds: config.jwt.accessTtlSeconds,
    now,
  });
  const sessions = createSessions({ storage, now, ttlSeconds: config.jwt.refreshTtlSeconds });
  const accounts = await createAccounts({ storage, passwords, now });

  async function verifyAccessToken(token: string): Promise<VerifiedToken> {
    const verified = await tokens.verify(token);
    // A signature proves who we issued the token to, not that the session still stands: the
    // session is read on every request, so logout and reuse revocation take effect at once
    // rather than when the token expires.
    // An admin's access also stands on their account being active: removing an admin commits
    // first and ends their sessions after, so a process stopping in between must not leave the
    // removed admin signed in (replication/rules/admins.ts).
    const [session, adminActive] = await Promise.all([
      sessions.findLive(verified.sessionId),
      verified.caller.role === 'admin' ? accounts.isActive('admin', verified.caller.id) : true,
    ]);
    if (!session || !adminActive) throw new AppError(401, 'SESSION_ENDED', 'The session has ended; sign in again');
    if (session.userId !== verified.caller.id || session.role !== verified.caller.role) {
      throw new AppError(401, 'TOKEN_INVALID', 'The access token is not valid');
    }
    return verified;
  }

  const authenticate = createAuthenticate(verifyAccessToken);
  // One count per client address for every route that checks or hashes a password, kept in the
  // shared database so the limit holds however many server processes share it.
  const limit = limitAttempts(await storage.createAttemptCounter({ name: 'password', limit: config.authRateLimitPerMinute, windowSeconds: 60 }));
  const router = createAuthRouter({ accounts, sessions, tokens, authenticate, limit });
  const adminRouter = createAdminRouter({ admins: createAdminAccounts({ storage, passwords, now }), authenticate, limit });
  return { router, adminRouter, authenticate, verifyAccessToken };
}
