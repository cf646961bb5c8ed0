/**
 * What GET /shop answers (docs/sync-protocol.md): the shop's settings the apps show, public and
 * the same for everyone. Today the delivery rule alone. Parsed by the apps with this schema; a
 * field added later is ignored by older apps rather than breaking them.
 */
import { z } from 'zod';
import { deliveryRuleSchema, type DeliveryRule } from './delivery-rule';

export interface ShopSettings {
  readonly delivery: DeliveryRule;
}

export const shopSettingsSchema = z.object({ delivery: deliveryRuleSchema });
