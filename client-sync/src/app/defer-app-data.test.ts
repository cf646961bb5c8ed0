import { describe, expect, it, vi } from 'vitest';
import type { AppData, AppDataSnapshot } from './create-app-data';
import { deferAppData } from './defer-app-data';

const snapshotOf = (changes: Partial<AppDataSnapshot> = {}): AppDataSnapshot => ({
  shared: undefined,
  own: undefined,
  replication: undefined,
  outdated: false,
  problem: undefined,
  ...changes,
});

/** An AppData whose snapshot the test sets. */
function fakeAppData(initial: AppDataSnapshot) {
  let snapshot = initial;
  const listeners = new Set<() => void>();
  const data: AppData = {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signOut: vi.fn(async () => undefined),
  };
  const change = (changes: Partial<AppDataSnapshot>): void => {
    snapshot = { ...snapshot, ...changes };
    listeners.forEach((listener) => listener());
  };
  return { data, change };
}

describe('deferAppData', () => {
  it('reads nothing open until the data has loaded, then follows the loaded data', async () => {
    const loaded = fakeAppData(snapshotOf({ outdated: true }));
    let finishLoading!: (data: AppData) => void;
    const deferred = deferAppData(() => new Promise((done) => (finishLoading = done)));
    const listener = vi.fn();
    deferred.subscribe(listener);
    expect(deferred.getSnapshot()).toEqual(snapshotOf());

    finishLoading(loaded.data);
    await vi.waitFor(() => expect(deferred.getSnapshot()).toBe(loaded.data.getSnapshot()));
    expect(listener).toHaveBeenCalledTimes(1);

    loaded.change({ problem: 'quota' });
    expect(deferred.getSnapshot().problem).toBe('quota');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('says a failed load as the problem on screen, as a database that cannot open', async () => {
    const deferred = deferAppData(() => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    await vi.waitFor(() => expect(deferred.getSnapshot().problem).toBe('Failed to fetch dynamically imported module'));
  });

  it('signs out through the loaded data, waiting for it to load', async () => {
    const loaded = fakeAppData(snapshotOf());
    const deferred = deferAppData(async () => loaded.data);
    await deferred.signOut();
    expect(loaded.data.signOut).toHaveBeenCalledOnce();
  });

  it('stops calling a listener once it unsubscribes', async () => {
    const loaded = fakeAppData(snapshotOf());
    const deferred = deferAppData(async () => loaded.data);
    const listener = vi.fn();
    deferred.subscribe(listener)();
    await deferred.signOut();
    loaded.change({ outdated: true });
    expect(listener).not.toHaveBeenCalled();
  });
});
