/**
 * The replication endpoints on Koa, the only Koa file of replication/: it reads the request,
 * calls pull / push / the stream hub, and writes the answer. Everything else here is plain
 * functions of data.
 */
import Router from '@koa/router';
import type { AuthState } from '../auth/auth';
import { AppError } from '../http/app-error';
import { readJsonBody } from '../http/read-json-body';
import type { Storage } from '../storage/port';
import { z } from 'zod';
import { pull, toPullBody } from './pull';
import { push, type PushDeps, type PushResponse } from './push';
import { maxPushBytes } from './push-rows';
import { resolveCollection, resolveRead } from './resolve-read';
import type { StreamHub } from './stream-hub';
import type Koa from 'koa';
import type { CollectionName } from '@oa/schema';

export interface ReplicationRouteDeps extends PushDeps {
  readonly storage: Storage;
  readonly hub: StreamHub;
  readonly authenticate: Koa.Middleware<AuthState>;
  /** Told of each push answered: its collection, its row count and the answer (the metrics count them). */
  readonly onPushed?: (collection: CollectionName, rows: number, answer: PushResponse) => void;
}

const single = (value: string | string[] | undefined): string | undefined => {
  if (Array.isArray(value)) throw new AppError(400, 'BAD_QUERY', 'Give each query parameter once');
  return value;
};

export function createReplicationRouter(deps: ReplicationRouteDeps): Router<AuthState> {
  const router = new Router<AuthState>();

  router.get('/sync/stream', deps.authenticate, async (ctx) => {
    const names = (single(ctx.query.collections) ?? '').split(',').filter(Boolean);
    if (names.length === 0 || names.length > 20) {
      throw new AppError(400, 'BAD_QUERY', 'collections must list the collections to follow, comma-separated');
    }
    const collections = [...new Set(names.map((name) => resolveRead(name, ctx.state.caller).collection))];
    if (!deps.hub.admits(ctx.ip)) {
      // A client told to come back later reconnects on its own (the apps back off and retry).
      ctx.set('Retry-After', '30');
      throw new AppError(503, 'TOO_MANY_STREAMS', 'Too many live streams are open; try again shortly');
    }
    // From here on the hub writes the response itself, for as long as the stream lives.
    ctx.respond = false;
    ctx.req.socket.setTimeout(0);
    ctx.req.socket.setNoDelay(true);
    ctx.res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    // The hub holds the connection from here; this handler returns now, so the middleware chain
    // and its frames are let go rather than held for the stream's hours.
    deps.hub.attach({
      caller: ctx.state.caller,
      collections,
      response: ctx.res,
      endsAt: ctx.state.token?.expiresAt,
      sessionId: ctx.state.token?.sessionId,
      address: ctx.ip,
    });
  });

  router.get('/sync/:collection/pull', deps.authenticate, async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    const page = await pull(deps.storage, {
      collection: ctx.params.collection!,
      caller: ctx.state.caller,
      checkpoint: single(ctx.query.checkpoint),
      limit: single(ctx.query.limit),
    });
    ctx.type = 'application/json';
    ctx.body = toPullBody(page);
  });

  router.post('/sync/:collection/push', deps.authenticate, async (ctx) => {
    const body = await readJsonBody(ctx, z.unknown(), maxPushBytes);
    const answer = await push(deps, { collection: ctx.params.collection!, caller: ctx.state.caller, body });
    // push() has checked both: the collection is a known one and the body an array of rows.
    deps.onPushed?.(resolveCollection(ctx.params.collection!), Array.isArray(body) ? body.length : 0, answer);
    ctx.body = answer;
  });

  return router;
}
