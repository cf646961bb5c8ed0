/**
 * Group commit's queue: the units of work submitted in one turn of the event loop are handed to
 * `flush` together, at the next (setImmediate), and each caller is answered with its own unit's
 * outcome. A group is bounded by the writes it holds (one unit always goes, however large), so
 * one flush never holds the event loop long; the rest wait for the next turn. `flush` runs
 * synchronously: nothing else runs between a group's first write and its commit.
 *
 * A read of a document a waiting unit writes first flushes the queue (`settle`): a rule that
 * reads, plans and commits (an order taking a product's stock) then always plans from the
 * committed state, so fifty shoppers buying one product at once are placed one after another,
 * as without grouping, instead of each planning from a state the unit ahead of it is about to
 * change and being answered `moved` over and over.
 */

export interface CommitQueue<U, R> {
  submit(unit: U): Promise<R>;
  /** Flushes now, synchronously, while a waiting unit writes any of these keys. */
  settle(keys: Iterable<string>): void;
  /** Flushes every waiting unit now, synchronously (the database is about to close). */
  flushAll(): void;
}

export interface CommitQueueOptions<U> {
  /** How much of the bound a unit takes (its writes). */
  readonly sizeOf: (unit: U) => number;
  /** The documents a unit writes, as keys `settle` is asked about. */
  readonly keysOf: (unit: U) => readonly string[];
  /** The most a group may hold (beyond one unit): about 500 writes keep a flush near 25 ms. */
  readonly maxGroupSize: number;
  /** When the next group is flushed; setImmediate unless a test steps it. */
  readonly schedule?: (run: () => void) => void;
}

/** A unit's own answer, or the error that stopped it alone. */
export type Outcome<R> = { readonly ok: true; readonly result: R } | { readonly ok: false; readonly error: unknown };

interface Waiting<U, R> {
  readonly unit: U;
  readonly keys: readonly string[];
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

export function createCommitQueue<U, R>(flush: (units: U[]) => Array<Outcome<R>>, options: CommitQueueOptions<U>): CommitQueue<U, R> {
  const schedule = options.schedule ?? ((run: () => void) => void setImmediate(run));
  let waiting: Array<Waiting<U, R>> = [];
  /** How many waiting units write each key. */
  const pending = new Map<string, number>();
  let scheduled = false;

  const flushGroup = (): void => {
    let size = 0;
    let count = 0;
    while (count < waiting.length) {
      const next = options.sizeOf(waiting[count]!.unit);
      if (count > 0 && size + next > options.maxGroupSize) break;
      size += next;
      count++;
    }
    if (count === 0) return;
    const group = waiting.slice(0, count);
    waiting = waiting.slice(count);
    for (const entry of group) {
      for (const key of entry.keys) {
        const left = pending.get(key)! - 1;
        if (left === 0) pending.delete(key);
        else pending.set(key, left);
      }
    }
    let outcomes: Array<Outcome<R>>;
    try {
      outcomes = flush(group.map((entry) => entry.unit));
    } catch (error) {
      // The group's transaction failed as a whole: nothing of it was committed.
      for (const entry of group) entry.reject(error);
      return;
    }
    group.forEach((entry, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) entry.resolve(outcome.result);
      else entry.reject(outcome.error);
    });
  };

  const onTurn = (): void => {
    scheduled = false;
    flushGroup();
    if (waiting.length > 0) {
      scheduled = true;
      schedule(onTurn);
    }
  };

  return {
    submit(unit) {
      return new Promise<R>((resolve, reject) => {
        const keys = options.keysOf(unit);
        waiting.push({ unit, keys, resolve, reject });
        for (const key of keys) pending.set(key, (pending.get(key) ?? 0) + 1);
        if (!scheduled) {
          scheduled = true;
          schedule(onTurn);
        }
      });
    },
    settle(keys) {
      for (const key of keys) {
        while (pending.has(key)) flushGroup();
      }
    },
    flushAll() {
      while (waiting.length > 0) flushGroup();
    },
  };
}
