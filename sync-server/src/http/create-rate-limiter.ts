/**
 * A fixed-window counter per key (an IP address), pure apart from the clock passed in. Used to
 * slow password guessing on the sign-in routes. Per process: behind several server processes
 * each keeps its own count, which still bounds guessing to a small multiple of the limit.
 */
export interface RateLimiter {
  /** Counts one attempt; `retryAfterSeconds` is set when the key is over its limit. */
  take(key: string): { readonly allowed: boolean; readonly retryAfterSeconds: number };
}

export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number; maxKeys?: number }): RateLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key) {
      const at = now();
      let window = windows.get(key);
      if (!window || at - window.start >= options.windowMs) {
        // Bounded memory: when full, forget windows that have ended (then the oldest).
        if (!window && windows.size >= maxKeys) {
          for (const [k, w] of windows) if (at - w.start >= options.windowMs) windows.delete(k);
          if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
        }
        window = { start: at, count: 0 };
        windows.set(key, window);
      }
      window.count++;
      const allowed = window.count <= options.limit;
      return { allowed, retryAfterSeconds: allowed ? 0 : Math.ceil((window.start + options.windowMs - at) / 1000) };
    },
  };
}
