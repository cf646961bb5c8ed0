/**
 * Resolves with `value` in a later task (a timer), not a microtask: the browser may paint and
 * handle a tap between the steps of a long start (loading and opening the databases), so a
 * phone's main thread is never held for all of them at once.
 */
export function nextTask<T = void>(value?: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value as T), 0));
}
