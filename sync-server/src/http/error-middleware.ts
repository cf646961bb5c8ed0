/**
 * Writes every error as `{ "error": { "code", "message" } }` and never a stack trace. Server
 * errors (5xx) are reported through `app.emit('error')`, logged in one place (app.ts).
 */
import type Koa from 'koa';
import { toAppError } from './app-error';

export function errorMiddleware(): Koa.Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        ctx.status = 404;
        ctx.body = { error: { code: 'NOT_FOUND', message: `No route for ${ctx.method} ${ctx.path}` } };
      }
    } catch (thrown) {
      const error = toAppError(thrown);
      ctx.status = error.status;
      ctx.body = { error: { code: error.code, message: error.message } };
      if (error.status >= 500) ctx.app.emit('error', error, ctx);
    }
  };
}
