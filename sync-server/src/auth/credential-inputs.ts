/**
 * The zod schemas for credentials as they arrive over HTTP, shared by every route that takes
 * them (/auth/* and /admin/admins), so an email or a password means the same at every door.
 */
import { z } from 'zod';
import { emailSchema, minAdminPasswordLength } from '@oa/schema';

// Emails are compared as stored: trimmed and lowercased at every door, so one address is one account.
export const emailInput = z.string().trim().toLowerCase().pipe(emailSchema);
// 256 bounds the work an attacker can hand to the hasher; 8 is NIST SP 800-63B's minimum.
export const newPassword = z.string().min(8, 'a password has at least 8 characters').max(256);
// An admin's new password: longer, since an admin account runs the whole shop.
export const newAdminPassword = z.string().min(minAdminPasswordLength, `an admin's password has at least ${minAdminPasswordLength} characters`).max(256);
// Checking accepts any length the rules ever allowed, so tightening them never locks anyone out.
export const givenPassword = z.string().min(1).max(256);
