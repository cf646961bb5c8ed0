/** Carts: one container per shopper; its lines are cart_items. */
import { z } from 'zod';
import { documentFields, idSchema } from '../fields';
import type { IndexSpec } from './index-spec';

export const cartVersion = 0;

export const cartSchema = z.strictObject({
  ...documentFields,
  userId: idSchema,
});
export type Cart = z.infer<typeof cartSchema>;

export const cartIndexes: readonly IndexSpec[] = [];
