/**
 * The /admin/admins routes: an admin creates another admin with a password, or sets an admin's
 * password. Admins only (a Bearer token with the admin role, through `authenticate`); bodies
 * read with readJsonBody and strict zod; answers never carry a secret. Rules: admin-accounts.ts.
 */
import Router from '@koa/router';
import type Koa from 'koa';
import { z } from 'zod';
import { omitSecrets, personNameSchema } from '@oa/schema';
import { AppError } from '../http/app-error';
import { readJsonBody } from '../http/read-json-body';
import type { AdminAccounts } from './admin-accounts';
import type { AuthState } from './auth';
import { emailInput, givenPassword, newAdminPassword } from './credential-inputs';
import { requireAdmin } from './require-admin';

/** These bodies are a few hundred bytes; a small cap keeps junk from being read at all. */
const maxBodyBytes = 8 * 1024;

const createAdminBody = z.strictObject({ email: emailInput, name: z.string().trim().pipe(personNameSchema), password: newAdminPassword });
const setPasswordBody = z.strictObject({ password: newAdminPassword, currentPassword: givenPassword.optional() });

export interface AdminRouterDeps {
  readonly admins: AdminAccounts;
  readonly authenticate: Koa.Middleware<AuthState>;
  /**
   * Counts attempts per client address, first in each route: creating an admin and setting a
   * password each run scrypt (128 MiB, tens of ms) and changing one's own checks the current one,
   * so neither a stolen admin token nor a flood of requests may guess passwords or exhaust memory.
   */
  readonly limit: Koa.Middleware<AuthState>;
}

export function createAdminRouter({ admins, authenticate, limit }: AdminRouterDeps): Router<AuthState> {
  const router = new Router<AuthState>({ prefix: '/admin/admins' });

  /** Checked before any body is read or any password hashed. */
  const requireAdmin: Koa.Middleware<AuthState> = async (ctx, next) => {
    // That the admin's account is still active was checked by `authenticate`, on every request.
    toSignedInAdmin(ctx.state);
    ctx.set('Cache-Control', 'no-store');
    return next();
  };

  router.post('/', limit, authenticate, requireAdmin, async (ctx) => {
    const body = await readJsonBody(ctx, createAdminBody, maxBodyBytes);
    const admin = await admins.create(body);
    ctx.status = 201;
    ctx.body = { admin: omitSecrets('admins', admin.doc) };
  });

  router.post('/:id/password', limit, authenticate, requireAdmin, async (ctx) => {
    const { password, currentPassword } = await readJsonBody(ctx, setPasswordBody, maxBodyBytes);
    await admins.setPassword({ adminId: ctx.params.id ?? '', password, currentPassword, caller: toSignedInAdmin(ctx.state) });
    ctx.status = 204;
  });

  return router;
}

/** The admin signed in on this request and their session; 401 when nobody is, 403 for a shopper. */
function toSignedInAdmin({ caller, token }: AuthState): { readonly id: string; readonly sessionId: string } {
  requireAdmin(caller, 'Only admins manage admins');
  if (!token) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in as an admin first');
  return { id: caller.id, sessionId: token.sessionId };
}
