/**
 * GET /metrics in Prometheus's text format, as configured (METRICS): open, or only for a caller
 * sending `Authorization: Bearer <token>`. When off, the route does not exist (404). The only Koa
 * file of metrics/.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import Router from '@koa/router';
import { AppError } from '../http/app-error';
import type { Metrics } from './create-metrics';

export type MetricsAccess = { readonly kind: 'off' } | { readonly kind: 'open' } | { readonly kind: 'token'; readonly token: string };

export function createMetricsRouter<State>(metrics: Metrics, access: Exclude<MetricsAccess, { kind: 'off' }>): Router<State> {
  const router = new Router<State>();
  const expected = access.kind === 'token' ? digest(access.token) : undefined;
  router.get('/metrics', async (ctx) => {
    if (expected && !hasToken(ctx.get('Authorization'), expected)) {
      ctx.set('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new AppError(401, 'UNAUTHENTICATED', 'The metrics need the configured bearer token');
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  });
  return router;
}

/**
 * Compared in constant time, as digests: timingSafeEqual needs equal lengths, and comparing
 * digests keeps the token's length from showing in the timing too.
 */
function hasToken(header: string, expected: Buffer): boolean {
  const match = /^Bearer (\S+)$/i.exec(header);
  return match !== null && timingSafeEqual(digest(match[1]!), expected);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
