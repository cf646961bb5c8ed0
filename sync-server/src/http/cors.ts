/**
 * CORS for the PWAs: a browser on one of the configured origins (the shop's and the admin's own)
 * may call the sync server; every other origin gets no CORS headers, so browsers keep it out.
 * Not an access control for non-browser clients: tokens and the policy are that.
 */
import type Koa from 'koa';

export const defaultCorsOrigins: readonly string[] = [
  'http://localhost:5174',
  'http://localhost:5173',
  'http://127.0.0.1:5174',
  'http://127.0.0.1:5173',
];

export function cors(allowedOrigins: readonly string[]): Koa.Middleware {
  const allowed = new Set(allowedOrigins);
  return async (ctx, next) => {
    const origin = ctx.get('Origin');
    // The answer depends on the Origin header: caches must not serve one origin's answer to another.
    ctx.vary('Origin');
    if (!origin || !allowed.has(origin)) return next();
    // The exact origin, never '*', and no Allow-Credentials: the apps send Bearer tokens, not
    // cookies, so nothing here lets another site ride on a signed-in browser.
    ctx.set('Access-Control-Allow-Origin', origin);
    if (ctx.method === 'OPTIONS' && ctx.get('Access-Control-Request-Method')) {
      // PUT: the admin app uploads photos (PUT /photos/:name, Content-Type image/*).
      ctx.set('Access-Control-Allow-Methods', 'GET,POST,PUT,OPTIONS');
      ctx.set('Access-Control-Allow-Headers', 'Authorization,Content-Type,X-OA-Protocol');
      ctx.set('Access-Control-Max-Age', '600');
      ctx.status = 204;
      return;
    }
    return next();
  };
}
