/**
 * The /auth routes: register, login, admin login, refresh and logout. Each reads its body with
 * readJsonBody and a strict zod schema, and answers only with tokens and secret-free documents.
 * The rules live in accounts.ts, sessions.ts and tokens.ts; this file is the HTTP shell.
 */
import Router from '@koa/router';
import type Koa from 'koa';
import { z } from 'zod';
import { omitSecrets, personNameSchema } from '@oa/schema';
import { AppError } from '../http/app-error';
import { readJsonBody } from '../http/read-json-body';
import type { StoredRow } from '../storage/port';
import type { Accounts } from './accounts';
import { emailInput, givenPassword, newPassword } from './credential-inputs';
import type { AuthState } from './auth';
import type { Sessions } from './sessions';
import type { AccessTokens, SignedInRole } from './tokens';

/** Auth bodies are a few hundred bytes; a small cap keeps junk from being read at all. */
const maxBodyBytes = 8 * 1024;

const registerBody = z.strictObject({ email: emailInput, password: newPassword, name: z.string().trim().pipe(personNameSchema) });
const loginBody = z.strictObject({ email: emailInput, password: givenPassword });
const refreshBody = z.strictObject({ refreshToken: z.string().min(1).max(512) });

export interface AuthRouterDeps {
  readonly accounts: Accounts;
  readonly sessions: Sessions;
  readonly tokens: AccessTokens;
  readonly authenticate: Koa.Middleware<AuthState>;
  /** Counts sign-in, register and refresh attempts per client address (http/limit-attempts.ts). */
  readonly limit: Koa.Middleware<AuthState>;
}

export function createAuthRouter({ accounts, sessions, tokens, authenticate, limit }: AuthRouterDeps): Router<AuthState> {
  const router = new Router<AuthState>();

  /** A new session for a signed-in account, and the pair of tokens that goes with it. */
  async function signIn(role: SignedInRole, account: StoredRow, userAgent: string): Promise<{ accessToken: string; refreshToken: string }> {
    const { session, refreshToken } = await sessions.start({ userId: account.doc.id, role, deviceName: toDeviceName(userAgent) });
    const { token } = await tokens.sign({ sub: account.doc.id, role, sid: session.id });
    return { accessToken: token, refreshToken };
  }

  // Tokens must not be kept by any cache between the server and the app (RFC 6749 §5.1).
  router.use(async (ctx, next) => {
    ctx.set('Cache-Control', 'no-store');
    await next();
  });

  router.post('/auth/register', limit, async (ctx) => {
    const body = await readJsonBody(ctx, registerBody, maxBodyBytes);
    const user = await accounts.register(body);
    const pair = await signIn('customer', user, ctx.get('user-agent'));
    ctx.status = 201;
    ctx.body = { ...pair, user: omitSecrets('users', user.doc) };
  });

  router.post('/auth/login', limit, async (ctx) => {
    const { email, password } = await readJsonBody(ctx, loginBody, maxBodyBytes);
    const user = await accounts.signIn('customer', email, password);
    ctx.body = { ...(await signIn('customer', user, ctx.get('user-agent'))), user: omitSecrets('users', user.doc) };
  });

  router.post('/auth/admin/login', limit, async (ctx) => {
    const { email, password } = await readJsonBody(ctx, loginBody, maxBodyBytes);
    const admin = await accounts.signIn('admin', email, password);
    ctx.body = { ...(await signIn('admin', admin, ctx.get('user-agent'))), admin: omitSecrets('admins', admin.doc) };
  });

  router.post('/auth/refresh', limit, async (ctx) => {
    const { refreshToken } = await readJsonBody(ctx, refreshBody, maxBodyBytes);
    const rotated = await sessions.refresh(refreshToken, (session) => accounts.isActive(session.role, session.userId));
    const { token } = await tokens.sign({ sub: rotated.session.userId, role: rotated.session.role, sid: rotated.session.id });
    ctx.body = { accessToken: token, refreshToken: rotated.refreshToken };
  });

  router.post('/auth/logout', authenticate, async (ctx) => {
    const token = ctx.state.token;
    if (!token) throw new AppError(401, 'TOKEN_MISSING', 'Sign in first: logout needs "Authorization: Bearer <token>"');
    await sessions.end(token.sessionId);
    ctx.status = 204;
  });

  return router;
}

/** The User-Agent as a label for the session list, within the schema's 200 characters. */
export function toDeviceName(userAgent: string): string {
  const cut = userAgent.trim().slice(0, 200);
  // Never leave half of a surrogate pair at the cut.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
