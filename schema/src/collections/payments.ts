/**
 * Payments: one per order, written only by the server's order rules (placed, voided, cash
 * collected, refunded), read by owners and admins. Version 1 records who collected or refunded
 * the money and when.
 */
import { z } from 'zod';
import { documentFields, idSchema, moneySchema, timestampSchema } from '../fields';
import type { IndexSpec } from './index-spec';
import { paymentMethodSchema, paymentStatusSchema } from './orders';

export const paymentVersion = 1;

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
  /** When an admin recorded the cash as collected, and which admin (an admins `id`). */
  collectedAt: timestampSchema.optional(),
  collectedBy: idSchema.optional(),
  /** When an admin recorded the money as given back, and which admin. */
  refundedAt: timestampSchema.optional(),
  refundedBy: idSchema.optional(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const paymentIndexes: readonly IndexSpec[] = [{ name: 'payments_orderId', fields: [['orderId', 1]] }];
