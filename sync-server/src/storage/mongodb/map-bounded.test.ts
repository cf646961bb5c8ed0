import { describe, expect, it } from 'vitest';
import { mapBounded } from './map-bounded';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapBounded', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapBounded([5, 1, 4, 2, 3, 0, 6, 2, 1, 3], 3, async (ms, index) => {
      running++;
      most = Math.max(most, running);
      await tick(ms);
      running--;
      return index * 10;
    });
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(most).toBe(3);
  });

  it('starts nothing new after a failure and rejects with the first error', async () => {
    const started: number[] = [];
    await expect(
      mapBounded([0, 1, 2, 3, 4, 5], 2, async (item) => {
        started.push(item);
        await tick(1);
        if (item === 1) throw new Error('row 1 failed');
        return item;
      }),
    ).rejects.toThrow('row 1 failed');
    expect(started.length).toBeLessThanOrEqual(3);
  });

  it('answers an empty batch at once', async () => {
    expect(await mapBounded([], 8, async () => 1)).toEqual([]);
  });
});
