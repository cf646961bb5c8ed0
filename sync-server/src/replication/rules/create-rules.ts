/** The collections whose pushes run their own rules (side effects on stock, payments, ratings, sessions). */
import type { CollectionName, DeliveryRule } from '@oa/schema';
import type { CollectionRules } from '../push';
import { createAdminRules } from './admins';
import { createOrderRules, type OrderRuleOptions } from './orders';
import { createReviewRules } from './reviews';

/**
 * `delivery` is the shop's configured rule (config.delivery): new orders are priced with it.
 * `onOrder` hears what became of each new order (the metrics' orders placed and rejected).
 */
export function createRules(options: { delivery: DeliveryRule } & OrderRuleOptions): Readonly<Partial<Record<CollectionName, CollectionRules>>> {
  return {
    orders: createOrderRules(options.delivery, { random: options.random, onOrder: options.onOrder }),
    reviews: createReviewRules(),
    admins: createAdminRules(),
  };
}
