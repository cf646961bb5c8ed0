/**
 * Route middleware that counts each request against its client address and answers 429
 * TOO_MANY_REQUESTS (with Retry-After) beyond the limit, before the route does any work. It is
 * part of each limited route's own chain, so every spelling of a path the router serves (any
 * case, a trailing slash) is counted: a separate check of `ctx.path` against fixed strings was
 * bypassed that way. The count lives in the shared database (storage.createAttemptCounter).
 */
import type Koa from 'koa';
import type { AttemptCounter } from '../storage/port';
import { AppError } from './app-error';

export function limitAttempts(counter: AttemptCounter): Koa.Middleware {
  return async (ctx, next) => {
    // ctx.ip is the socket's address, or X-Forwarded-For's only when the app trusts a proxy.
    const { allowed, retryAfterSeconds } = await counter.take(ctx.ip);
    if (!allowed) {
      ctx.set('Retry-After', String(retryAfterSeconds));
      throw new AppError(429, 'TOO_MANY_REQUESTS', `Too many attempts; try again in ${retryAfterSeconds} s`);
    }
    return next();
  };
}
