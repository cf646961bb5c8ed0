/** Cart items: one line of a shopper's cart. */
import { z } from 'zod';
import { documentFields, idSchema, quantitySchema } from '../fields';
import type { IndexSpec } from './index-spec';

export const cartItemVersion = 0;

export const cartItemSchema = z.strictObject({
  ...documentFields,
  cartId: idSchema,
  userId: idSchema,
  productId: idSchema,
  quantity: quantitySchema,
});
export type CartItem = z.infer<typeof cartItemSchema>;

export const cartItemIndexes: readonly IndexSpec[] = [
  { name: 'cart_items_cartId', fields: [['cartId', 1]] },
  { name: 'cart_items_productId', fields: [['productId', 1]] },
];
