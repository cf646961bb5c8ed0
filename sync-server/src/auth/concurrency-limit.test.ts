/** The concurrency limit: never more than `max` tasks at once, all of them run, failures free their slot. */
import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit } from './concurrency-limit';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('createConcurrencyLimit', () => {
  it('never runs more than max tasks at once and runs every one', async () => {
    const limit = createConcurrencyLimit(2);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        limit(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await tick();
          running -= 1;
          return i;
        }),
      ),
    );
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(2);
  });

  it('frees the slot of a task that fails', async () => {
    const limit = createConcurrencyLimit(1);
    await expect(limit(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limit(async () => 'next')).toBe('next');
  });

  it('does not let a newcomer overtake a waiter when a slot is handed over', async () => {
    const limit = createConcurrencyLimit(1);
    const order: string[] = [];
    const first = limit(async () => {
      await tick();
      order.push('first');
    });
    const waiter = limit(async () => {
      order.push('waiter');
    });
    await first;
    const newcomer = limit(async () => {
      order.push('newcomer');
    });
    await Promise.all([waiter, newcomer]);
    expect(order).toEqual(['first', 'waiter', 'newcomer']);
  });
});
