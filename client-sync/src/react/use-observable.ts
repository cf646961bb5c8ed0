/** Reads an rxjs observable in React: the latest value, re-rendering on each new one. */
import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

export function useObservable<T>(observable: Observable<T> | undefined, initial: T): T {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    // A new source (another database, a signed-out shopper): never show the old one's value.
    setValue(initial);
    if (!observable) return;
    const subscription = observable.subscribe(setValue);
    return () => subscription.unsubscribe();
    // `initial` is read only when the source changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [observable]);
  return value;
}
