/**
 * Orders. Legacy pairs kept in step on every save: userId/user, items/products, and inside each
 * line item productId/product. Prices, totals, the order number and the status history are the
 * server's (see the access policy); this file only says what a valid order looks like.
 */
import { z } from 'zod';
import { aliasConflict, isFields, notAnObject, type AliasResult, type Fields } from '../aliases/alias-result';
import { chainAliases, syncSimplePair } from '../aliases/sync-simple-pair';
import {
  addressSchema,
  documentFields,
  idSchema,
  moneySchema,
  quantitySchema,
  timestampSchema,
  urlSchema,
} from '../fields';
import type { IndexSpec } from './index-spec';

export const orderVersion = 0;

/** `rejected`: refused by the server's order rules (out of stock, inactive product); see `rejectionReason`. */
export const orderStatuses = ['pending', 'confirmed', 'packed', 'shipped', 'delivered', 'cancelled', 'rejected'] as const;
export const orderStatusSchema = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export const paymentMethodSchema = z.enum(['cod', 'online']);
/** `void`: the payment of a cancelled or rejected order, which will never be collected. */
export const paymentStatusSchema = z.enum(['pending', 'paid', 'failed', 'refunded', 'void']);

export const orderItemSchema = z.strictObject({
  productId: idSchema,
  product: idSchema,
  name: z.string().min(1).max(200),
  price: moneySchema,
  quantity: quantitySchema,
  imageUrl: urlSchema.optional(),
});
export type OrderItem = z.infer<typeof orderItemSchema>;

const orderItemsSchema = z.array(orderItemSchema).min(1).max(50);

export const orderSchema = z.strictObject({
  ...documentFields,
  /** The human order number, assigned by the server, unique. */
  orderId: z.string().min(1).max(40),
  userId: idSchema,
  user: idSchema,
  items: orderItemsSchema,
  products: orderItemsSchema,
  subtotal: moneySchema,
  shippingFee: moneySchema,
  total: moneySchema,
  status: orderStatusSchema,
  paymentMethod: paymentMethodSchema,
  paymentStatus: paymentStatusSchema,
  shippingAddress: addressSchema,
  notes: z.string().max(500).optional(),
  /** The admin's note on the latest status change ("dispatched with DTDC 1234"). */
  statusNote: z.string().max(500).optional(),
  /** Why the server refused the order, in words the shopper can act on. */
  rejectionReason: z.string().max(500).optional(),
  statusHistory: z
    .array(
      z.strictObject({
        status: orderStatusSchema,
        at: timestampSchema,
        by: z.enum(['customer', 'admin', 'system']),
        note: z.string().max(500).optional(),
      }),
    )
    .max(50),
});
export type Order = z.infer<typeof orderSchema>;

export const orderIndexes: readonly IndexSpec[] = [
  { name: 'orders_orderId', fields: [['orderId', 1]], unique: true },
  { name: 'orders_userId', fields: [['userId', 1]] },
  { name: 'orders_status', fields: [['status', 1]] },
  { name: 'orders_createdAt', fields: [['createdAt', -1]] },
];

export interface OrderAliasContext {
  readonly previous?: Fields | undefined;
}

export function normalizeOrder(input: unknown, context: OrderAliasContext = {}): AliasResult {
  if (!isFields(input)) return notAnObject();
  const { previous } = context;
  return chainAliases(input, [
    (doc) => syncSimplePair(doc, previous, 'userId', 'user'),
    (doc) => normalizeItemList(doc, previous, 'items'),
    (doc) => normalizeItemList(doc, previous, 'products'),
    (doc) => syncSimplePair(doc, previous, 'items', 'products'),
  ]);
}

/**
 * Fills productId/product inside every line item of one list (items or products). On an update the
 * stored line at the same position is the "before", so, as for top-level pairs, the name the
 * writer changed wins over the one it echoed unchanged.
 */
function normalizeItemList(doc: Fields, previous: Fields | undefined, field: 'items' | 'products'): AliasResult {
  const list = doc[field];
  if (!Array.isArray(list)) return { ok: true, value: doc };
  const previousList = previous?.[field];
  const normalized: unknown[] = [];
  for (const [index, item] of list.entries()) {
    if (!isFields(item)) {
      normalized.push(item);
      continue;
    }
    const previousItem = Array.isArray(previousList) ? previousList[index] : undefined;
    const result = syncSimplePair(item, isFields(previousItem) ? previousItem : undefined, 'productId', 'product');
    if (!result.ok) return aliasConflict(`${field}[${index}].productId`, `${field}[${index}].product`);
    normalized.push(result.value);
  }
  return { ok: true, value: { ...doc, [field]: normalized } };
}
