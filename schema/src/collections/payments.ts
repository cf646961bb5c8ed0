/** Payments: one per order payment attempt; written by the server's order rules, read by owners and admins. */
import { z } from 'zod';
import { documentFields, idSchema, moneySchema } from '../fields';
import { toRxSchema } from '../rxdb/to-rx-schema';
import type { IndexSpec } from './index-spec';
import { paymentMethodSchema, paymentStatusSchema } from './orders';

export const paymentVersion = 0;

export const paymentSchema = z.strictObject({
  ...documentFields,
  /** The `id` of the order this payment is for. */
  orderId: idSchema,
  userId: idSchema,
  amount: moneySchema,
  currency: z.literal('INR'),
  method: paymentMethodSchema,
  status: paymentStatusSchema,
  reference: z.string().max(100).optional(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const paymentRxSchema = toRxSchema({ name: 'payments', version: paymentVersion, schema: paymentSchema });

export const paymentIndexes: readonly IndexSpec[] = [{ name: 'payments_orderId', fields: [['orderId', 1]] }];
