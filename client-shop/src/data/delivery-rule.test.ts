/** The delivery rule the shop shows: the server's when it answers, the saved one offline, today's before either. */
import { syncProtocolHeader, syncProtocolVersion, type DeliveryRule } from '@oa/schema';
import { describe, expect, it, vi } from 'vitest';
import { createDeliveryRuleStore, deliveryRuleStorageKey, type DeliveryRuleStoreOptions } from './delivery-rule';

const syncUrl = 'https://sync.example';

function fakeStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { items, getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

const answer = (body: unknown, status = 200) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const offline = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch');
};

function fakeOnline() {
  let listener: (() => void) | undefined;
  let online = false;
  return {
    source: { isOnline: () => online, subscribe: (onChange: () => void) => ((listener = onChange), () => void (listener = undefined)) },
    comeOnline: () => ((online = true), listener?.()),
    get following() {
      return listener !== undefined;
    },
  };
}

function store(fetch: DeliveryRuleStoreOptions['fetch'], storage = fakeStorage(), online?: DeliveryRuleStoreOptions['online']) {
  return createDeliveryRuleStore({ loadSyncUrl: async () => syncUrl, fetch: vi.fn(fetch), storage, online });
}

const saved = (rule: DeliveryRule) => fakeStorage({ [deliveryRuleStorageKey]: JSON.stringify(rule) });

describe('the shop’s delivery rule', () => {
  it('shows today’s numbers (₹40, free from ₹499) before it has ever heard from the server', () => {
    expect(store(offline).getSnapshot()).toEqual({ fee: 40, freeFrom: 499 });
  });

  it('asks GET /shop with the protocol header, uses the answer and saves it for offline', async () => {
    const storage = fakeStorage();
    const fetch = vi.fn(answer({ delivery: { fee: 25, freeFrom: 1000 } }));
    const rules = createDeliveryRuleStore({ loadSyncUrl: async () => syncUrl, fetch, storage });
    expect(await rules.refresh()).toEqual({ fee: 25, freeFrom: 1000 });
    expect(rules.getSnapshot()).toEqual({ fee: 25, freeFrom: 1000 });
    expect(fetch).toHaveBeenCalledWith(`${syncUrl}/shop`, { headers: { [syncProtocolHeader]: String(syncProtocolVersion) } });
    expect(JSON.parse(storage.items.get(deliveryRuleStorageKey)!)).toEqual({ fee: 25, freeFrom: 1000 });
  });

  it('shows the rule saved on the device while offline', async () => {
    const rules = store(offline, saved({ fee: 30, freeFrom: 750 }));
    expect(rules.getSnapshot()).toEqual({ fee: 30, freeFrom: 750 });
    expect(await rules.refresh()).toEqual({ fee: 30, freeFrom: 750 });
  });

  it.each([
    ['an error answer (an outdated app: 426)', answer({ error: { code: 'CLIENT_OUTDATED' } }, 426)],
    ['an answer without a delivery rule', answer({ status: 'ok' })],
    ['a negative fee', answer({ delivery: { fee: -1, freeFrom: 499 } })],
    ['something that is not JSON', async () => new Response('<html>', { status: 200 })],
  ])('keeps the rule it has on %s', async (_label, fetch) => {
    const storage = saved({ fee: 30, freeFrom: 750 });
    const rules = store(fetch, storage);
    expect(await rules.refresh()).toEqual({ fee: 30, freeFrom: 750 });
    expect(JSON.parse(storage.items.get(deliveryRuleStorageKey)!)).toEqual({ fee: 30, freeFrom: 750 });
  });

  it('ignores a saved value that is not a delivery rule', () => {
    expect(store(offline, fakeStorage({ [deliveryRuleStorageKey]: '{"fee":"free"' })).getSnapshot()).toEqual({ fee: 40, freeFrom: 499 });
  });

  it('works without storage (private browsing refusing it)', async () => {
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    const rules = store(answer({ delivery: { fee: 25, freeFrom: 1000 } }), throwing as unknown as ReturnType<typeof fakeStorage>);
    expect(rules.getSnapshot()).toEqual({ fee: 40, freeFrom: 499 });
    expect(await rules.refresh()).toEqual({ fee: 25, freeFrom: 1000 });
  });

  it('asks when first watched and tells watchers of a change, keeping the same object otherwise', async () => {
    const rules = store(answer({ delivery: { fee: 25, freeFrom: 1000 } }));
    const before = rules.getSnapshot();
    expect(rules.getSnapshot()).toBe(before);
    const changed = vi.fn();
    rules.subscribe(changed);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    expect(rules.getSnapshot()).toEqual({ fee: 25, freeFrom: 1000 });
    await rules.refresh();
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('shares one request between watchers asking at once', async () => {
    const fetch = vi.fn(answer({ delivery: { fee: 25, freeFrom: 1000 } }));
    const rules = createDeliveryRuleStore({ loadSyncUrl: async () => syncUrl, fetch, storage: undefined });
    await Promise.all([rules.refresh(), rules.refresh()]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('asks again when the device comes back online, and stops following once nobody watches', async () => {
    const online = fakeOnline();
    let reachable = false;
    const rules = store(async () => (reachable ? answer({ delivery: { fee: 25, freeFrom: 1000 } })() : offline()), fakeStorage(), online.source);
    const stop = rules.subscribe(() => undefined);
    await rules.refresh();
    expect(rules.getSnapshot()).toEqual({ fee: 40, freeFrom: 499 });
    reachable = true;
    online.comeOnline();
    await vi.waitFor(() => expect(rules.getSnapshot()).toEqual({ fee: 25, freeFrom: 1000 }));
    stop();
    expect(online.following).toBe(false);
  });
});
