/** Reads an rxjs observable in React: the latest value, re-rendering on each new one. */
import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

export function useObservable<T>(observable: Observable<T> | undefined, initial: T): T {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    if (!observable) return;
    const subscription = observable.subscribe(setValue);
    return () => subscription.unsubscribe();
  }, [observable]);
  return value;
}
