/** A plan's new product states (stock taken or returned, a rating) as writes of a unit of work. */
import type { ProductWrite } from '../../domain/orders/plan-order-placement';
import type { UnitWrite } from '../../storage/port';

export function toProductWrites(products: readonly ProductWrite[]): UnitWrite[] {
  return products.map((write) => ({ collection: 'products', id: write.productId, expectedSeq: write.expectedSeq, doc: write.product }));
}
