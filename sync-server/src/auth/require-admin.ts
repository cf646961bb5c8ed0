/**
 * The admin-only routes' one check, made before any body is read: 401 when nobody is signed in
 * (the apps then sign in again), 403 for a shopper. `authenticate` has already checked the token,
 * and that the admin's account is still active, on this request.
 */
import type { Caller } from '@oa/schema';
import { AppError } from '../http/app-error';

/** `refusal` says what only admins may do ("Only admins upload photos"). */
export function requireAdmin(caller: Caller, refusal: string): asserts caller is Extract<Caller, { readonly role: 'admin' }> {
  if (caller.role === 'anonymous') throw new AppError(401, 'UNAUTHENTICATED', 'Sign in as an admin first');
  if (caller.role !== 'admin') throw new AppError(403, 'FORBIDDEN', refusal);
}
