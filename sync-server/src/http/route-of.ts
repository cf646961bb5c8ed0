/**
 * The route a request matched, as its pattern (`/sync/:collection/pull`), never the raw path:
 * what logs and metrics group requests by. A path that matched no route is `unmatched`, so ids
 * and guessed URLs cannot grow a metric's label set without bound.
 */
export const unmatchedRoute = 'unmatched';

export function routeOf(ctx: object): string {
  // Set by @koa/router on the context when a route's path matched (its documented context field).
  const matched = (ctx as { _matchedRoute?: string | RegExp })._matchedRoute;
  return matched === undefined ? unmatchedRoute : String(matched);
}
