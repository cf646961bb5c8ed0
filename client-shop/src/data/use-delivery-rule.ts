/**
 * The page's one delivery-rule store (delivery-rule.ts) wired to the browser: the sync URL from
 * /config.json, fetch, localStorage and the online state; and the hook the shell reads it with.
 */
import { loadPageRuntimeConfig } from '@oa/client-sync/browser';
import { browserOnlineSource } from '@oa/client-sync/browser';
import type { DeliveryRule } from '@oa/schema';
import { useSyncExternalStore } from 'react';
import { createDeliveryRuleStore } from './delivery-rule';

export const shopDeliveryRule = createDeliveryRuleStore({
  loadSyncUrl: async () => (await loadPageRuntimeConfig()).syncUrl,
  fetch: (url, init) => fetch(url, init),
  storage: typeof localStorage === 'undefined' ? undefined : localStorage,
  online: browserOnlineSource,
});

/** The delivery rule to show: the server's last word, or today's numbers before it ever spoke. */
export function useDeliveryRule(): DeliveryRule {
  return useSyncExternalStore(shopDeliveryRule.subscribe, shopDeliveryRule.getSnapshot);
}
