/** navigator.locks when the browser has it, so two tabs never refresh with one token at once; one lock per page otherwise. */
import { createPageLock, type WithLock } from '../auth/session-store';

export function browserLock(name: string): WithLock {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return createPageLock();
  return <T>(run: () => Promise<T>) => locks.request(name, run) as Promise<T>;
}
