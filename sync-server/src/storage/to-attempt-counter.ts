/**
 * rate-limiter-flexible's answers as the port's AttemptCounter: `consume` resolves when the key
 * is within its limit and rejects with a RateLimiterRes when it is over (not an error: an
 * answer), or with an Error when the store failed, which the adapter translates.
 */
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AttemptCounter, AttemptCounterOptions } from './port';
import { StorageError } from './errors';

export function checkAttemptCounterOptions({ name, limit, windowSeconds }: AttemptCounterOptions): void {
  if (!/^[a-z0-9-]{1,40}$/i.test(name) || !Number.isSafeInteger(limit) || limit < 1 || !Number.isSafeInteger(windowSeconds) || windowSeconds < 1) {
    throw new StorageError('INVALID_REQUEST', `bad attempt counter ${JSON.stringify({ name, limit, windowSeconds })}`);
  }
}

export function toAttemptCounter(limiter: RateLimiterAbstract, toError: (error: unknown) => unknown): AttemptCounter {
  return {
    async take(key) {
      try {
        await limiter.consume(key);
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (answer) {
        if (answer instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(answer.msBeforeNext / 1000)) };
        throw toError(answer);
      }
    },
  };
}
