/**
 * Sessions: one per signed-in device. Holds only a hash of the refresh token, and that hash is a
 * secret (see the access policy), so a leaked replica cannot be turned into a login.
 */
import { z } from 'zod';
import { documentFields, idSchema, secretHashSchema, timestampSchema } from '../fields';
import type { IndexSpec } from './index-spec';

export const sessionVersion = 0;

export const sessionSchema = z.strictObject({
  ...documentFields,
  /** The signed-in account: a user's id for customers, an admin's id for admins. */
  userId: idSchema,
  role: z.enum(['customer', 'admin']),
  refreshTokenHash: secretHashSchema,
  /** How many times the refresh token was rotated; a presented token names its generation. */
  generation: z.int().min(0),
  /** Hashes of tokens already rotated away: presenting one again revokes the session. */
  usedRefreshTokenHashes: z.array(secretHashSchema).max(20),
  deviceName: z.string().max(200),
  lastUsedAt: timestampSchema,
  expiresAt: timestampSchema,
  revokedAt: timestampSchema.optional(),
});
export type Session = z.infer<typeof sessionSchema>;

export const sessionIndexes: readonly IndexSpec[] = [];

