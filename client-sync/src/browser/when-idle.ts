/**
 * Runs `run` at the browser's next idle moment (requestIdleCallback), or after `timeoutMs` at the
 * latest; where there is no requestIdleCallback (Safari), after a short timer. Returns a cancel.
 */
export function whenIdle(run: () => void, timeoutMs: number): () => void {
  const scope = globalThis as { requestIdleCallback?: (run: () => void, options: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };
  if (scope.requestIdleCallback && scope.cancelIdleCallback) {
    const id = scope.requestIdleCallback(run, { timeout: timeoutMs });
    return () => scope.cancelIdleCallback!(id);
  }
  const timer = setTimeout(run, Math.min(timeoutMs, 500));
  return () => clearTimeout(timer);
}
