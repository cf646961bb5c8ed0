/** The sign-in rate limiter: a limit per key and window, a Retry-After, and bounded memory. */
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './create-rate-limiter';

describe('createRateLimiter', () => {
  it('allows the limit per window, refuses the rest with the seconds left, and opens again', () => {
    let clock = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => clock });
    expect([1, 2, 3].map(() => limiter.take('1.2.3.4').allowed)).toEqual([true, true, true]);
    clock = 15_000;
    expect(limiter.take('1.2.3.4')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.take('5.6.7.8').allowed).toBe(true);
    clock = 60_000;
    expect(limiter.take('1.2.3.4').allowed).toBe(true);
  });

  it('keeps at most maxKeys windows', () => {
    let clock = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: () => clock, maxKeys: 2 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c'); // forgets the oldest window, 'a'
    expect(limiter.take('a').allowed).toBe(true);
    clock = 500;
    expect(limiter.take('c').allowed).toBe(false);
  });
});
