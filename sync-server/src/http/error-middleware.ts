/**
 * Writes every error as `{ "error": { "code", "message" } }` and never a stack trace, including
 * the router's own 404/405 answers. Server errors (5xx) are reported through `app.emit('error')`,
 * logged in one place (app.ts).
 */
import type Koa from 'koa';
import { toAppError } from './app-error';

const codeForStatus: Record<number, string> = {
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  501: 'NOT_IMPLEMENTED',
};

/** What a 503 tells clients to wait: about a primary election (MongoDB: ~10 s at most), halved. */
export const unavailableRetryAfterSeconds = 5;

export function errorMiddleware(): Koa.Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status >= 400 && ctx.body === undefined && ctx.respond !== false) {
        // Re-set explicitly: Koa turns an unset (default 404) status into 200 when a body is set.
        ctx.status = ctx.status;
        const code = codeForStatus[ctx.status] ?? 'BAD_REQUEST';
        ctx.body = { error: { code, message: `${ctx.method} ${ctx.path}: ${code.toLowerCase().replace(/_/g, ' ')}` } };
      }
    } catch (thrown) {
      const error = toAppError(thrown);
      if (ctx.respond === false || ctx.headerSent) {
        // A stream already under way cannot carry a JSON error: end it; the client reconnects.
        if (!ctx.res.writableEnded) ctx.res.end();
      } else {
        ctx.status = error.status;
        // "Not now" (the database unreachable, slow or failing over): say when to come back, so
        // clients and proxies back off instead of retrying at once into the same trouble.
        if (error.status === 503 && !ctx.response.get('Retry-After')) ctx.set('Retry-After', String(unavailableRetryAfterSeconds));
        ctx.body = { error: { code: error.code, message: error.message } };
      }
      if (error.status >= 500) ctx.app.emit('error', error, ctx);
    }
  };
}
