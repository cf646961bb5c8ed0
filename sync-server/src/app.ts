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
import { AppError } from './http/app-error';
import { cors, defaultCorsOrigins } from './http/cors';
import type { RequestDrain } from './http/create-request-drain';
import { errorMiddleware } from './http/error-middleware';
import { logRequests } from './http/log-requests';
import { requireProtocol } from './http/require-protocol';
import { createSilentLogger, type Logger } from './logging/create-logger';
import type { Metrics } from './metrics/create-metrics';
import { measureRequests } from './metrics/measure-requests';
import { createMetricsRouter, type MetricsAccess } from './metrics/metrics-routes';
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
  /** Where the access lines and errors go (logging/create-logger.ts); nothing is logged without one. */
  readonly logger?: Logger;
  /** Takes the request errors instead of the logger (tests collect them). */
  readonly log?: (message: string, error?: unknown) => void;
  /**
   * Counts requests, pushes and streams (metrics/create-metrics.ts); give the same to
   * createRules's `onOrder` and to instrumentStorage for the orders and the database figures.
   */
  readonly metrics?: Metrics;
  /** Who may read GET /metrics (METRICS); open when metrics are given without it. */
  readonly metricsAccess?: MetricsAccess;
  /** Refuses new requests during a shutdown and counts those in flight (shutdown/shut-down.ts). */
  readonly drain?: RequestDrain;
  /** The oldest client protocol served (default: @oa/schema's minSupportedProtocolVersion); tests raise it. */
  readonly minClientProtocol?: number;
}

export function createApp(deps: AppDeps): Koa<AuthState> {
  const { storage, metrics } = deps;
  const logger = deps.logger ?? createSilentLogger();
  const app = new Koa<AuthState>();
  app.proxy = deps.trustProxy ?? false;
  // One proxy in front: the client's address is the last X-Forwarded-For entry, the one that
  // proxy appended. Koa would otherwise take the first, which the client writes itself, and
  // every per-address limit (sign-in attempts, streams) would count whatever address it chose.
  app.maxIpsCount = 1;
  app.silent = true;
  // Every request error is logged here, once, on the request's own logger (its id on the line).
  app.on('error', (error: unknown, ctx?: Koa.Context) => {
    if (deps.log) return deps.log('request failed', error);
    const log = ctx?.req.log ?? logger;
    if (error instanceof AppError && error.status === 503) {
      // "Not now" (the database failing over, too many streams, a shutdown) is expected, and the
      // client retries: no stack, and a line only when something beneath said why.
      const cause = error.cause instanceof Error ? error.cause.message : error.cause;
      if (cause !== undefined) log.warn({ code: error.code, cause: String(cause) }, `unavailable: ${error.code}`);
      return;
    }
    log.error({ err: error }, 'request failed');
  });
  // First, so every later line of a request carries its id, and the access line its final status.
  app.use(logRequests(logger));
  if (metrics) app.use(measureRequests(metrics));
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
  // Inside the error middleware, so a refusal during a shutdown is an ordinary JSON error answer.
  if (deps.drain) app.use(deps.drain.middleware);
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
    // past 50 ms); each read starts a new window. Sampled every millisecond: the histogram records
    // the gap between two of its timer's runs, so a reading is the longest turn of the loop plus
    // up to one sampling interval (at Node's default 10 ms, turns of 35 ms read as 51 to 53 ms).
    const loop = monitorEventLoopDelay({ resolution: 1 });
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
    ...(metrics ? { onPushed: metrics.observePush } : {}),
  });
  const photos = createPhotoRouter({ storage, authenticate: deps.auth.authenticate });
  const routers = [router, deps.auth.router, deps.auth.adminRouter, replication, photos];
  if (metrics) {
    metrics.countStreamsWith(() => deps.hub.size);
    const access = deps.metricsAccess ?? { kind: 'open' };
    if (access.kind !== 'off') routers.push(createMetricsRouter<AuthState>(metrics, access));
  }
  for (const routes of routers) {
    app.use(routes.routes());
    app.use(routes.allowedMethods());
  }
  return app;
}
