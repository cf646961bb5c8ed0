/** The collections whose pushes run their own rules (side effects on stock, payments, ratings, sessions). */
import type { CollectionName, DeliveryRule } from '@oa/schema';
import type { CollectionRules } from '../push';
import { createAdminRules } from './admins';
import { createOrderRules } from './orders';
import { createReviewRules } from './reviews';

/** `delivery` is the shop's configured rule (config.delivery): new orders are priced with it. */
export function createRules(options: { delivery: DeliveryRule; random?: () => number }): Readonly<Partial<Record<CollectionName, CollectionRules>>> {
  return { orders: createOrderRules(options.delivery, options.random), reviews: createReviewRules(), admins: createAdminRules() };
}
