/**
 * One access line per request (pino-http), when its answer has been sent or its connection
 * dropped (a live stream: when it ends): method, matched route, status, milliseconds, the error
 * code of an error answer, and the request id, which every other line of the request carries too
 * (`ctx.req.log`) and the answer echoes in `X-Request-Id`. Chosen fields only: never a header, a
 * query string, a body or a token. Errors themselves are logged once, by app.ts's reporter.
 */
import type { ServerResponse } from 'node:http';
import type Koa from 'koa';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logging/create-logger';
import { routeOf } from './route-of';
import { toRequestId } from './to-request-id';

interface AccessLine {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly ms?: number;
  readonly code?: string;
  readonly aborted?: true;
}

/**
 * What the access line needs of a request: Koa's context while the middleware run (a client that
 * hangs up meanwhile is logged from it), then only the three fields it is logged with.
 */
type Described = { readonly ctx: Koa.Context } | { readonly method: string; readonly route: string; readonly code: unknown };

const errorCodeOf = (body: unknown): unknown => (body as { error?: { code?: unknown } } | undefined)?.error?.code;

export function logRequests(logger: Logger): Koa.Middleware {
  // pino-http hands its callbacks Node's response; the route and error code live on Koa's context.
  // The context is let go as soon as the middleware are done: held here for the response's life,
  // it kept each answer's body and rows alive past the young generation's collections (promoted
  // to the old one with everything they referenced: scavenges of 9 ms instead of 3, and a quarter
  // fewer documents pulled a second).
  const described = new WeakMap<ServerResponse, Described>();

  const describe = (res: ServerResponse, ms?: number): AccessLine => {
    const entry = described.get(res);
    const summary = entry && 'ctx' in entry ? { method: entry.ctx.method, route: routeOf(entry.ctx), code: errorCodeOf(entry.ctx.body) } : entry;
    const code = summary?.code;
    return {
      method: summary?.method ?? 'UNKNOWN',
      route: summary?.route ?? 'unknown',
      status: res.statusCode,
      ...(ms === undefined ? {} : { ms }),
      ...(typeof code === 'string' ? { code } : {}),
      // The client went away before the answer was complete (or, for a stream, hung up).
      ...(res.writableFinished ? {} : { aborted: true as const }),
    };
  };
  const message = (res: ServerResponse): string => {
    const line = describe(res);
    return `${line.method} ${line.route} ${line.status}`;
  };

  const httpLogger = pinoHttp({
    logger,
    genReqId: (req) => toRequestId(req.headers['x-request-id']),
    // Bind only the id to the request's logger and the access line: pino-http's defaults would
    // add the whole request and response, headers (Authorization, Cookie) included.
    quietReqLogger: true,
    quietResLogger: true,
    // pino-http still binds the request to a second, unused child logger: serialised whole, and
    // its headers redacted, on every request for nothing. Its id is all any line of ours carries.
    wrapSerializers: false,
    serializers: { req: (req: { id?: unknown }) => req.id },
    customAttributeKeys: { reqId: 'reqId' },
    // A refusal or a client's mistake (4xx) is routine; a 5xx is worth a look, and its error is
    // logged at `error` level once by the app's reporter, so the access line stays a warning.
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'warn' : 'info'),
    customSuccessObject: (_req, res, value: { responseTime?: number }) => describe(res, value.responseTime),
    customErrorObject: (_req, res, _error, value: { responseTime?: number }) => describe(res, value.responseTime),
    customSuccessMessage: (_req, res) => message(res),
    customErrorMessage: (_req, res) => message(res),
  });

  return async (ctx, next) => {
    described.set(ctx.res, { ctx });
    httpLogger(ctx.req, ctx.res);
    ctx.set('X-Request-Id', String(ctx.req.id));
    try {
      await next();
    } finally {
      described.set(ctx.res, { method: ctx.method, route: routeOf(ctx), code: errorCodeOf(ctx.body) });
    }
  };
}
