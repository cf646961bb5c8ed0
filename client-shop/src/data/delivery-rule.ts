/**
 * The shop's delivery rule as the sync server last said it (GET /shop), for the cart and checkout:
 * asked for when the page starts and whenever the device comes back online, kept in storage so a
 * device offline shows the rule it last saw, and @oa/schema's defaultDeliveryRule before it ever
 * got one. Only a preview: the server prices every order with its own rule. Not React: the page's
 * one store and its hook are in use-delivery-rule.ts.
 */
import { protocolHeaders } from '@oa/client-sync';
import type { OnlineSource } from '@oa/client-sync/browser';
import { defaultDeliveryRule, deliveryRuleSchema, shopSettingsSchema, type DeliveryRule } from '@oa/schema';

export const deliveryRuleStorageKey = 'oa-shop-delivery-rule';

export interface DeliveryRuleStoreOptions {
  /** The sync server's base URL, from /config.json. */
  readonly loadSyncUrl: () => Promise<string>;
  readonly fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** localStorage, or undefined where there is none (the default rule is shown then). */
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  /** Tells the store when the device comes back online, to ask again. */
  readonly online?: OnlineSource | undefined;
}

export interface DeliveryRuleStore {
  /** The rule to show now; the same object until it changes (for useSyncExternalStore). */
  getSnapshot(): DeliveryRule;
  /** The first subscriber asks the server and follows the device coming back online. */
  subscribe(listener: () => void): () => void;
  /** Asks the server once (concurrent calls share one request); resolves to the rule in use after. */
  refresh(): Promise<DeliveryRule>;
}

export function createDeliveryRuleStore(options: DeliveryRuleStoreOptions): DeliveryRuleStore {
  let rule: DeliveryRule = readSaved(options.storage) ?? defaultDeliveryRule;
  let asking: Promise<DeliveryRule> | undefined;
  let stopFollowingOnline: (() => void) | undefined;
  const listeners = new Set<() => void>();

  function use(next: DeliveryRule): void {
    if (next.fee === rule.fee && next.freeFrom === rule.freeFrom) return;
    rule = next;
    for (const listener of listeners) listener();
  }

  async function ask(): Promise<DeliveryRule> {
    try {
      const syncUrl = await options.loadSyncUrl();
      // The protocol header as on every app request: an outdated app is answered 426 and keeps its rule.
      const response = await options.fetch(`${syncUrl}/shop`, { headers: { ...protocolHeaders } });
      if (!response.ok) return rule;
      const parsed = shopSettingsSchema.safeParse(await response.json());
      if (!parsed.success) return rule;
      use(parsed.data.delivery);
      save(options.storage, parsed.data.delivery);
    } catch {
      // Offline, or the server unreachable: the rule last seen stands until the next try.
    }
    return rule;
  }

  function refresh(): Promise<DeliveryRule> {
    asking ??= ask().finally(() => {
      asking = undefined;
    });
    return asking;
  }

  // Plain closures, no `this`: React calls subscribe and getSnapshot unbound.
  return {
    getSnapshot: () => rule,
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        void refresh();
        stopFollowingOnline = options.online?.subscribe(() => {
          if (options.online?.isOnline()) void refresh();
        });
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stopFollowingOnline?.();
          stopFollowingOnline = undefined;
        }
      };
    },
    refresh,
  };
}

/** The saved rule, checked as the server's answer is: storage another build wrote may hold anything. */
function readSaved(storage: DeliveryRuleStoreOptions['storage']): DeliveryRule | undefined {
  try {
    const saved = storage?.getItem(deliveryRuleStorageKey);
    if (!saved) return undefined;
    const parsed = deliveryRuleSchema.safeParse(JSON.parse(saved));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function save(storage: DeliveryRuleStoreOptions['storage'], rule: DeliveryRule): void {
  try {
    storage?.setItem(deliveryRuleStorageKey, JSON.stringify({ fee: rule.fee, freeFrom: rule.freeFrom }));
  } catch {
    // Storage full or refused (private browsing): shown for this visit, asked for again next time.
  }
}
