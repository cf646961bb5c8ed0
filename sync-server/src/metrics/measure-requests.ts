/**
 * Counts every request into the metrics by method, matched route and status once its answer has
 * been sent (or its connection dropped), with its duration; a live stream is counted when it
 * ends, without a duration (its lifetime is not a latency).
 */
import { performance } from 'node:perf_hooks';
import type Koa from 'koa';
import { routeOf } from '../http/route-of';
import type { Metrics } from './create-metrics';

export function measureRequests(metrics: Pick<Metrics, 'observeRequest'>): Koa.Middleware {
  return async (ctx, next) => {
    const started = performance.now();
    ctx.res.once('close', () => {
      metrics.observeRequest({
        method: ctx.method,
        route: routeOf(ctx),
        status: ctx.res.statusCode,
        ...(ctx.respond === false ? {} : { seconds: (performance.now() - started) / 1000 }),
      });
    });
    await next();
  };
}
