/**
 * An app's data (createAppData) made by a module loaded later, for a first paint without RxDB:
 * until `load` resolves, the app reads a snapshot with nothing open yet, as it does while the
 * databases open; then every read, subscription and sign-out goes to the loaded data. A failed
 * load is said on screen as `problem`, like a database that cannot open. Imports no RxDB itself.
 */
import type { AppData, AppDataSnapshot } from './create-app-data';

const nothingOpenYet: AppDataSnapshot = { shared: undefined, own: undefined, replication: undefined, outdated: false, problem: undefined };

export function deferAppData(load: () => Promise<AppData>): AppData {
  const listeners = new Set<() => void>();
  let snapshot = nothingOpenYet;
  const set = (next: AppDataSnapshot): void => {
    snapshot = next;
    listeners.forEach((listener) => listener());
  };

  const loaded = load().then((data) => {
    data.subscribe(() => set(data.getSnapshot()));
    set(data.getSnapshot());
    return data;
  });
  loaded.catch((error: unknown) => set({ ...snapshot, problem: error instanceof Error ? error.message : String(error) }));

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // Only a signed-in person can sign out, and their database comes from the loaded data.
    signOut: async () => (await loaded).signOut(),
  };
}
