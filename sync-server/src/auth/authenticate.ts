/**
 * The Koa middleware that turns the Authorization header into `ctx.state.caller`. No header
 * means anonymous; a header that is not a usable Bearer token is a 401, never anonymous, so a
 * broken or expired token cannot quietly downgrade a signed-in client to the public catalogue.
 */
import type Koa from 'koa';
import { anonymousCaller } from '@oa/schema';
import { AppError } from '../http/app-error';
import type { AuthState, VerifiedToken } from './auth';

/** The token from an `Authorization: Bearer <token>` header; 401 TOKEN_MISSING for any other scheme or an empty token. */
export function readBearerToken(header: string): string {
  const match = /^Bearer(?:\s+(.*))?$/i.exec(header.trim());
  const token = match?.[1]?.trim();
  if (!token) throw new AppError(401, 'TOKEN_MISSING', 'Send the access token as "Authorization: Bearer <token>"');
  return token;
}

export function createAuthenticate(verifyAccessToken: (token: string) => Promise<VerifiedToken>): Koa.Middleware<AuthState> {
  return async (ctx, next) => {
    const header = ctx.headers.authorization;
    if (header === undefined) {
      ctx.state.caller = anonymousCaller;
      return next();
    }
    let verified: VerifiedToken;
    try {
      verified = await verifyAccessToken(readBearerToken(header));
    } catch (error) {
      // RFC 6750: tell the client which scheme to use, and that its token (if any) is unusable.
      const code = error instanceof AppError ? error.code : '';
      ctx.set('WWW-Authenticate', code === 'TOKEN_MISSING' ? 'Bearer' : 'Bearer error="invalid_token"');
      throw error;
    }
    ctx.state.caller = verified.caller;
    ctx.state.token = verified;
    return next();
  };
}
