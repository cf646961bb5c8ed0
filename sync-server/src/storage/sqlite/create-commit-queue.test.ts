/** Group commit's queue, stepped by hand: what goes in one group, and who is answered what. */
import { describe, expect, it } from 'vitest';
import { createCommitQueue, type Outcome } from './create-commit-queue';

function steppedQueue(flush: (units: number[]) => Array<Outcome<string>>, maxGroupSize = 10) {
  const turns: Array<() => void> = [];
  const groups: number[][] = [];
  const queue = createCommitQueue<number, string>(
    (units) => {
      groups.push(units);
      return flush(units);
    },
    { sizeOf: (unit) => unit, keysOf: (unit) => [`doc-${unit}`], maxGroupSize, schedule: (run) => turns.push(run) },
  );
  const step = async (): Promise<void> => {
    turns.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { queue, groups, turns, step };
}

const answerAll = (units: number[]): Array<Outcome<string>> => units.map((unit) => ({ ok: true, result: `done ${unit}` }));

describe('the group commit queue', () => {
  it('flushes the units submitted before the next turn together, once, and answers each its own', async () => {
    const { queue, groups, turns, step } = steppedQueue(answerAll);
    const answers = [queue.submit(1), queue.submit(2), queue.submit(3)];
    expect(turns).toHaveLength(1);
    expect(groups).toEqual([]);
    await step();
    expect(groups).toEqual([[1, 2, 3]]);
    expect(await Promise.all(answers)).toEqual(['done 1', 'done 2', 'done 3']);
  });

  it('bounds a group by size, leaving the rest for the next turn, and sends a unit over the bound alone', async () => {
    const { queue, groups, step } = steppedQueue(answerAll, 10);
    const answers = [queue.submit(4), queue.submit(5), queue.submit(3), queue.submit(12), queue.submit(1)];
    await step();
    await step();
    await step();
    expect(groups).toEqual([[4, 5], [3], [12]]);
    await step();
    expect(groups).toEqual([[4, 5], [3], [12], [1]]);
    await expect(Promise.all(answers)).resolves.toHaveLength(5);
  });

  it('rejects only the unit that failed alone, and every unit of a group whose flush failed', async () => {
    const { queue, step } = steppedQueue((units) =>
      units.map((unit) => (unit === 2 ? { ok: false, error: new Error('unit 2 failed') } : { ok: true, result: `done ${unit}` })),
    );
    const alone = Promise.allSettled([queue.submit(1), queue.submit(2), queue.submit(3)]);
    await step();
    expect(await alone).toMatchObject([
      { status: 'fulfilled', value: 'done 1' },
      { status: 'rejected', reason: { message: 'unit 2 failed' } },
      { status: 'fulfilled', value: 'done 3' },
    ]);

    const failing = steppedQueue(() => {
      throw new Error('the transaction failed');
    });
    const group = Promise.allSettled([failing.queue.submit(1), failing.queue.submit(2)]);
    await failing.step();
    expect(await group).toMatchObject([
      { status: 'rejected', reason: { message: 'the transaction failed' } },
      { status: 'rejected', reason: { message: 'the transaction failed' } },
    ]);
  });

  it('takes units submitted while a group is being answered into the next group', async () => {
    const { queue, groups, step } = steppedQueue(answerAll);
    const later: Array<Promise<string>> = [];
    const first = queue.submit(1).then((answer) => {
      later.push(queue.submit(2), queue.submit(3));
      return answer;
    });
    await step();
    expect(await first).toBe('done 1');
    await step();
    expect(groups).toEqual([[1], [2, 3]]);
    expect(await Promise.all(later)).toEqual(['done 2', 'done 3']);
  });

  it('flushes at once, before a read, the waiting units that write a document the read asks for', async () => {
    const { queue, groups, turns, step } = steppedQueue(answerAll, 3);
    const answers = [queue.submit(1), queue.submit(2), queue.submit(3)];
    queue.settle(['doc-9']);
    expect(groups).toEqual([]);
    // doc-3's unit is beyond the first group's bound (1 + 2 of 3): both groups are flushed, now.
    queue.settle(['doc-3']);
    expect(groups).toEqual([[1, 2], [3]]);
    expect(await Promise.all(answers)).toEqual(['done 1', 'done 2', 'done 3']);
    // The turn already scheduled finds nothing left to flush.
    await step();
    expect(groups).toHaveLength(2);
    expect(turns).toHaveLength(0);
  });

  it('flushes every waiting unit at once when the storage is closing, group by group', async () => {
    const { queue, groups } = steppedQueue(answerAll, 3);
    const answers = [queue.submit(1), queue.submit(2), queue.submit(3)];
    queue.flushAll();
    expect(groups).toEqual([[1, 2], [3]]);
    expect(await Promise.all(answers)).toEqual(['done 1', 'done 2', 'done 3']);
  });
});
