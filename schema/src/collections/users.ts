/** Users: shoppers' accounts. `passwordHash` is a secret (see the access policy). */
import { z } from 'zod';
import {
  addressSchema,
  documentFields,
  emailSchema,
  idSchema,
  personNameSchema,
  phoneSchema,
  secretHashSchema,
} from '../fields';
import type { IndexSpec } from './index-spec';

export const userVersion = 0;

export const savedAddressSchema = z.strictObject({
  ...addressSchema.shape,
  id: idSchema,
  label: z.string().max(40).optional(),
  isDefault: z.boolean().optional(),
});

export const userSchema = z.strictObject({
  ...documentFields,
  email: emailSchema,
  name: personNameSchema,
  phone: phoneSchema.optional(),
  addresses: z.array(savedAddressSchema).max(10),
  passwordHash: secretHashSchema,
  isActive: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const userIndexes: readonly IndexSpec[] = [{ name: 'users_email', fields: [['email', 1]], unique: true }];
