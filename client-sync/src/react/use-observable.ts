/**
 * Reads an rxjs observable in React: the latest value, re-rendering on each new one. Each new
 * value renders as a transition: React renders it in slices of a few milliseconds and lets the
 * browser in between, where an ordinary update renders the whole screen in one task (on a phone
 * the catalogue's first results held the main thread 100 to 300 ms at a time). Data on screen
 * may trail its source by a frame; a tap's own state (useState in a screen) stays immediate.
 */
import { startTransition, useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

export function useObservable<T>(observable: Observable<T> | undefined, initial: T): T {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    // A new source (another database, a signed-out shopper): never show the old one's value. In
    // the same transition as a first value given at once, so no "loading" flashes between them.
    if (!observable) {
      setValue(initial);
      return;
    }
    startTransition(() => setValue(initial));
    const subscription = observable.subscribe((next) => startTransition(() => setValue(next)));
    return () => subscription.unsubscribe();
    // `initial` is read only when the source changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [observable]);
  return value;
}
