/**
 * Reads a store (subscribe and getSnapshot, as useSyncExternalStore takes) with each change
 * rendered as a transition, in slices (use-observable.ts says why). For what a screen shows from
 * data arriving (an app's databases opening, a first page pulled); what must change at once with
 * a tap (the route, the session) keeps useSyncExternalStore, which renders synchronously.
 */
import { startTransition, useEffect, useState } from 'react';

export interface SnapshotStore<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): T;
}

export function useStoreSnapshot<T>(store: SnapshotStore<T>): T {
  const [value, setValue] = useState(() => store.getSnapshot());
  useEffect(() => {
    const update = (): void => startTransition(() => setValue(store.getSnapshot()));
    const unsubscribe = store.subscribe(update);
    // A change between the first render and this subscription.
    if (store.getSnapshot() !== value) update();
    return unsubscribe;
    // `value` is only compared once, when subscribing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return value;
}
