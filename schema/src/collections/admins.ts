/** Admins: the shop's staff accounts. `passwordHash` is a secret (see the access policy). */
import { z } from 'zod';
import { documentFields, emailSchema, personNameSchema, secretHashSchema, timestampSchema } from '../fields';
import type { IndexSpec } from './index-spec';

export const adminVersion = 0;

export const adminSchema = z.strictObject({
  ...documentFields,
  email: emailSchema,
  name: personNameSchema,
  passwordHash: secretHashSchema,
  role: z.enum(['admin']),
  isActive: z.boolean(),
  lastLoginAt: timestampSchema.optional(),
});
export type Admin = z.infer<typeof adminSchema>;

export const adminIndexes: readonly IndexSpec[] = [{ name: 'admins_email', fields: [['email', 1]], unique: true }];

/**
 * Admins guard the whole shop: their passwords are longer than shoppers' minimum. One number for
 * the first admin (ADMIN_PASSWORD), the admin routes and the admin app's forms.
 */
export const minAdminPasswordLength = 12;
