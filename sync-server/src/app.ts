/**
 * Builds the Koa application from its dependencies without listening, so tests drive the real
 * app over real HTTP on a port of their choosing. main.ts is the only file that listens.
 */
import Koa from 'koa';
import type { Storage } from './storage/port';
import { errorMiddleware } from './http/error-middleware';

export interface AppDeps {
  readonly storage: Storage;
  readonly log?: (message: string, error?: unknown) => void;
}

export function createApp({ storage, log = defaultLog }: AppDeps): Koa {
  const app = new Koa();
  app.proxy = true;
  app.silent = true;
  app.on('error', (error: unknown) => log('request failed', error));
  app.use(errorMiddleware());
  app.use(async (ctx, next) => {
    if (ctx.path !== '/health') return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      ctx.status = 405;
      ctx.set('Allow', 'GET, HEAD');
      ctx.body = { error: { code: 'METHOD_NOT_ALLOWED', message: 'Use GET /health' } };
      return;
    }
    // A real round trip to the database: a health check that cannot fail tells nobody anything.
    await storage.latestCheckpoint('products');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: 'ok', database: storage.kind };
  });
  return app;
}

function defaultLog(message: string, error?: unknown): void {
  console.error(`[sync-server] ${message}`, error instanceof Error ? (error.cause ?? error) : (error ?? ''));
}
