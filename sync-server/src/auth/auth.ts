/**
 * What the rest of the server needs from authentication: the /auth routes, a middleware that
 * turns the Authorization header into a Caller, and token verification for long-lived streams.
 * Built by createAuth (create-auth.ts); jose is imported only under auth/.
 */
import type Router from '@koa/router';
import type { Caller } from '@oa/schema';
import type Koa from 'koa';

export interface VerifiedToken {
  readonly caller: Exclude<Caller, { role: 'anonymous' }>;
  readonly sessionId: string;
  readonly expiresAt: Date;
}

export interface AuthState {
  /** Anonymous when the request carried no Authorization header. */
  caller: Caller;
  /** Set when the caller is signed in. */
  token?: VerifiedToken;
}

export interface Auth {
  /** POST /auth/register, /auth/login, /auth/admin/login, /auth/refresh, /auth/logout. */
  readonly router: Router<AuthState>;
  /** POST /admin/admins and /admin/admins/:id/password: admins managing admins. */
  readonly adminRouter: Router<AuthState>;
  /**
   * Sets `ctx.state.caller` (and `ctx.state.token`). No header: anonymous. A header that is not
   * a valid, unexpired access token of a live session: 401 with a stable code, never anonymous.
   */
  readonly authenticate: Koa.Middleware<AuthState>;
  /** Verifies an access token (signature, issuer, audience, expiry, live session). Throws AppError 401. */
  verifyAccessToken(token: string): Promise<VerifiedToken>;
}
