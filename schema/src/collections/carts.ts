/** Carts: one container per shopper; its lines are cart_items. */
import { z } from 'zod';
import { documentFields, idSchema } from '../fields';
import { toRxSchema } from '../rxdb/to-rx-schema';
import type { IndexSpec } from './index-spec';

export const cartVersion = 0;

export const cartSchema = z.strictObject({
  ...documentFields,
  userId: idSchema,
});
export type Cart = z.infer<typeof cartSchema>;

export const cartRxSchema = toRxSchema({ name: 'carts', version: cartVersion, schema: cartSchema });

export const cartIndexes: readonly IndexSpec[] = [];
