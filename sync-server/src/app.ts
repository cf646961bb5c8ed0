/**
 * Builds the Koa application from its dependencies without listening, so tests drive the real
 * app over real HTTP on a port of their choosing. main.ts is the only file that listens.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { constants as zlibConstants } from 'node:zlib';
import Router from '@koa/router';
import Koa from 'koa';
import compress from 'koa-compress';
import helmet from 'koa-helmet';
import type { Auth, AuthState } from './auth/auth';
import { cors, defaultCorsOrigins } from './http/cors';
import { errorMiddleware } from './http/error-middleware';
import { requireProtocol } from './http/require-protocol';
import { createPhotoRouter } from './photos/photo-routes';
import type { CollectionRules } from './replication/push';
import { createReplicationRouter } from './replication/routes';
import type { StreamHub } from './replication/stream-hub';
import type { CollectionName, DeliveryRule, ShopSettings } from '@oa/schema';
import type { Storage } from './storage/port';

export interface AppDeps {
  readonly storage: Storage;
  readonly auth: Auth;
  readonly hub: StreamHub;
  readonly rules: Readonly<Partial<Record<CollectionName, CollectionRules>>>;
  /** The shop's delivery rule (config.delivery), shown at GET /shop; give `rules` the same one to price with. */
  readonly delivery: DeliveryRule;
  readonly now?: () => Date;
  /** Serves GET /debug/memory, for the benchmarks; off unless configured. */
  readonly diagnostics?: boolean;
  /** Believe X-Forwarded-For; only behind a proxy that sets it, or clients could pick their own IP. */
  readonly trustProxy?: boolean;
  /** Browser origins allowed to call the server (the PWAs' own); default: the local dev and start ports. */
  readonly corsOrigins?: readonly string[];
  readonly log?: (message: string, error?: unknown) => void;
  /** The oldest client protocol served (default: @oa/schema's minSupportedProtocolVersion); tests raise it. */
  readonly minClientProtocol?: number;
}

export function createApp(deps: AppDeps): Koa<AuthState> {
  const { storage, log = defaultLog } = deps;
  const app = new Koa<AuthState>();
  app.proxy = deps.trustProxy ?? false;
  app.silent = true;
  app.on('error', (error: unknown) => log('request failed', error));
  // The security headers an API's answers need, errors and streams included (OWASP's REST
  // guidance): no MIME sniffing, never framed, a CSP that allows nothing (a JSON answer opened as
  // a page runs nothing), no referrer, resources for this origin only (the apps call with CORS,
  // which this does not limit), HSTS behind TLS. Helmet's headers for HTML pages (DNS prefetch,
  // IE's download and XSS filters, Flash policies, origin-keyed agent clusters) are left out:
  // they protect no JSON answer, and Node keeps every header of a live stream for its lifetime.
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      xFrameOptions: { action: 'deny' },
      xDnsPrefetchControl: false,
      xDownloadOptions: false,
      xPermittedCrossDomainPolicies: false,
      xXssProtection: false,
      originAgentCluster: false,
    }),
  );
  // Before the error middleware, so error answers carry the CORS headers too and the apps can read their codes.
  app.use(cors(deps.corsOrigins ?? defaultCorsOrigins));
  // JSON answers over 1 KB, brotli (quality 4: about gzip's cost, smaller) or gzip as the client
  // accepts: a first sync of 10,000 products is about 10 MB of JSON. The live stream is written
  // raw on purpose (stream-hub.ts): its events are small, must leave at once, and a compressor's
  // state per connection would cost more memory than an idle stream is allowed.
  app.use(compress({ threshold: 1024, br: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } }, deflate: false }));
  app.use(errorMiddleware());
  // Before anything else is read: an outdated app is told so, never half-served.
  app.use(requireProtocol(deps.minClientProtocol));
  // Password guessing is slowed per client address by the password routes themselves
  // (http/limit-attempts.ts, wired in auth/create-auth.ts).

  const router = new Router<AuthState>();
  router.get('/health', async (ctx) => {
    // A real round trip to the database: a health check that cannot fail tells nobody anything.
    await storage.latestCheckpoint('products');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: 'ok', database: storage.kind, streams: deps.hub.size };
  });
  // The shop's settings the apps show (the delivery fee and its free-from threshold): public, so
  // a visitor's cart shows them before any sign-in; the same for everyone and nothing secret.
  // Cached five minutes: a changed configuration reaches the apps soon enough, and orders are
  // priced by the server's own copy whatever an app showed.
  const shop: ShopSettings = { delivery: { fee: deps.delivery.fee, freeFrom: deps.delivery.freeFrom } };
  router.get('/shop', async (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = shop;
  });
  if (deps.diagnostics) {
    // The longest the event loop was held since the last look (benchmarks: no request may hold it
    // past 50 ms). A 10 ms resolution histogram; each read starts a new window.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    router.get('/debug/event-loop', async (ctx) => {
      ctx.body = { maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6 };
      loop.reset();
    });
    router.get('/debug/memory', async (ctx) => {
      // Collected first (when node runs with --expose-gc) so the figures are live memory only.
      (globalThis as { gc?: () => void }).gc?.();
      ctx.body = { ...process.memoryUsage(), streams: deps.hub.size };
    });
  }
  const replication = createReplicationRouter({
    storage,
    hub: deps.hub,
    rules: deps.rules,
    now: deps.now ?? (() => new Date()),
    authenticate: deps.auth.authenticate,
  });
  const photos = createPhotoRouter({ storage, authenticate: deps.auth.authenticate });
  for (const routes of [router, deps.auth.router, deps.auth.adminRouter, replication, photos]) {
    app.use(routes.routes());
    app.use(routes.allowedMethods());
  }
  return app;
}

function defaultLog(message: string, error?: unknown): void {
  console.error(`[sync-server] ${message}`, error instanceof Error ? (error.cause ?? error) : (error ?? ''));
}
