/**
 * Whether a stored product may be bought or reviewed now: it exists, is not deleted and is
 * active. The same test the shop's read filter applies (`isActive: true`), so a shopper can never
 * order or review what the shop no longer shows. Stock is a separate question (apply-stock-change).
 */
import type { Product } from '@oa/schema';

export type AvailabilityFields = Pick<Product, '_deleted' | 'isActive'>;

export function isProductAvailable(product: AvailabilityFields | undefined): product is AvailabilityFields {
  return product !== undefined && !product._deleted && product.isActive;
}
