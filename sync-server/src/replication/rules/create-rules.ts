/** The collections whose pushes run their own rules (side effects on stock, payments, ratings, sessions). */
import type { CollectionName } from '@oa/schema';
import type { CollectionRules } from '../push';
import { createAdminRules } from './admins';
import { createOrderRules } from './orders';
import { createReviewRules } from './reviews';

export function createRules(options: { random?: () => number } = {}): Readonly<Partial<Record<CollectionName, CollectionRules>>> {
  return { orders: createOrderRules(options.random), reviews: createReviewRules(), admins: createAdminRules() };
}
