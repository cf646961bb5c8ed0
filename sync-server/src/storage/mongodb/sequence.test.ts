import { MongoNetworkError, MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../errors';
import type { Lease } from './context';
import { runLeased, watermarkOf, type LeaseBook, type LeasedWrite } from './sequence';

/**
 * An in-memory sequence document with the same rules as the pipelines in sequence.ts and a
 * database clock that only the test moves: enough to drive runLeased and the watermark.
 */
class FakeSequences implements LeaseBook {
  readonly collection = 'products' as const;
  clock = 1_000;
  seq = 0;
  pending: Lease[] = [];
  releases: number[][] = [];
  constructor(readonly leaseMs: number) {}
  async allocate(count: number): Promise<Lease[]> {
    this.pending = this.pending.filter((lease) => lease.until.getTime() > this.clock);
    const leases = Array.from({ length: count }, () => ({ seq: ++this.seq, until: new Date(this.clock + this.leaseMs) }));
    this.pending.push(...leases);
    return leases;
  }
  async release(seqs: readonly number[]): Promise<Date> {
    this.pending = this.pending.filter((lease) => !seqs.includes(lease.seq));
    this.releases.push([...seqs]);
    return new Date(this.clock);
  }
  watermark(): number {
    const live = this.pending.filter((lease) => lease.until.getTime() > this.clock).map((lease) => lease.seq);
    return watermarkOf({ seq: this.seq, firstLive: live.length > 0 ? Math.min(...live) : null });
  }
}

describe('watermarkOf', () => {
  it('is the sequence when nothing is pending, and 0 before the first write', () => {
    expect(watermarkOf({ seq: 7, firstLive: null })).toBe(7);
    expect(watermarkOf(undefined)).toBe(0);
  });

  it('stops just below the lowest live lease', () => {
    expect(watermarkOf({ seq: 9, firstLive: 4 })).toBe(3);
  });
});

describe('runLeased', () => {
  const one = <T>(write: LeasedWrite<T>) => [write];

  it('writes under leases taken in request order, and releases them in one go', async () => {
    const book = new FakeSequences(30_000);
    const moves: Array<[number, number]> = [];
    const writes = ['a', 'b', 'c'].map((name) => ({
      write: async () => name,
      wrote: () => true,
      move: async (from: number, to: number) => (moves.push([from, to]), true),
    }));
    const outcome = await runLeased(book, writes, 2);
    expect(outcome).toEqual([
      { result: 'a', seq: 1 },
      { result: 'b', seq: 2 },
      { result: 'c', seq: 3 },
    ]);
    expect(book.releases).toEqual([[1, 2, 3]]);
    expect(book.pending).toEqual([]);
    expect(moves).toEqual([]);
  });

  it('moves written documents to fresh seqs when the leases ran out before the release', async () => {
    const book = new FakeSequences(100);
    const moves: Array<[number, number]> = [];
    const outcome = await runLeased(
      book,
      [
        { write: async () => 'written', wrote: () => true, move: async (from, to) => (moves.push([from, to]), true) },
        {
          write: async () => {
            book.clock += 500; // this write outlasted the leases
            return 'conflict';
          },
          wrote: () => false,
          move: async (from, to) => (moves.push([from, to]), true),
        },
      ],
      8,
    );
    expect(moves).toEqual([[1, 3]]); // only the document that was written
    expect(outcome.map((row) => row.seq)).toEqual([3, 2]);
    expect(book.pending).toEqual([]);
  });

  it('gives up with UNAVAILABLE when every move outlasts its lease too', async () => {
    const book = new FakeSequences(100);
    const slow = async () => {
      book.clock += 500;
      return true;
    };
    const failure = await runLeased(book, one({ write: async () => (await slow(), 'written'), wrote: () => true, move: slow }), 8).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as StorageError).code).toBe('UNAVAILABLE');
    expect(book.pending).toEqual([]);
  });

  it('does not move a document a later write replaced meanwhile', async () => {
    const book = new FakeSequences(100);
    const [row] = await runLeased(book, one({ write: async () => ((book.clock += 500), 'written'), wrote: () => true, move: async () => false }), 8);
    expect(row!.seq).toBe(1);
    expect(book.pending).toEqual([]);
  });

  it('releases every lease and reports the refusal when the server refused one write', async () => {
    const book = new FakeSequences(30_000);
    const refusal = new MongoServerError({ code: 13, errmsg: 'not authorized' });
    const writes = [
      { write: async () => 'fine', wrote: () => true, move: async () => true },
      { write: () => Promise.reject(refusal), wrote: () => true, move: async () => true },
    ];
    await expect(runLeased(book, writes, 8)).rejects.toBe(refusal);
    expect(book.releases).toEqual([[1, 2]]);
    expect(book.pending).toEqual([]);
  });

  it('keeps a lease until it runs out when its write may still land (network error)', async () => {
    const book = new FakeSequences(30_000);
    const lost = new MongoNetworkError('connection reset');
    const writes = [
      { write: async () => 'fine', wrote: () => true, move: async () => true },
      { write: () => Promise.reject(lost), wrote: () => true, move: async () => true },
    ];
    await expect(runLeased(book, writes, 8)).rejects.toBe(lost);
    expect(book.releases).toEqual([[1]]);
    expect(book.watermark()).toBe(1); // readers wait below the unknown write…
    book.clock += 30_000;
    expect(book.watermark()).toBe(2); // …until its lease runs out
  });
});

/** A small deterministic random source, so a failing interleaving can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('the lease protocol', () => {
  it('never lets a reader skip a document’s final state, even when writes outlast their leases', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const book = new FakeSequences(50);
      const docs = new Map<string, number>(); // id → _seq, the collection
      const seen = new Map<string, number>(); // id → the seq the reader last saw it at
      const yieldSome = async () => {
        for (let i = Math.floor(next() * 4); i > 0; i--) await Promise.resolve();
      };

      const writers = Array.from({ length: 5 }, (_, w) =>
        (async () => {
          for (let i = 0; i < 12; i++) {
            // Batches of one to three documents (updates as well as creates).
            const ids = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, k) => `d${w}-${(i + k) % 5}`);
            await runLeased(
              book,
              [...new Set(ids)].map((id) => ({
                write: async (seq: number) => {
                  await yieldSome();
                  // Now and then a write lands long after its lease ran out.
                  book.clock += next() < 0.15 ? 80 : Math.floor(next() * 5);
                  docs.set(id, seq);
                  await yieldSome();
                  return 'written';
                },
                wrote: () => true,
                move: async (from: number, to: number) => {
                  await yieldSome();
                  if (docs.get(id) !== from) return false;
                  docs.set(id, to);
                  return true;
                },
              })),
              2,
            );
            await yieldSome();
          }
        })(),
      );

      let checkpoint = 0;
      let done = false;
      const readPage = () => {
        const watermark = book.watermark();
        for (const [id, seq] of docs) if (seq > checkpoint && seq <= watermark) seen.set(id, seq);
        checkpoint = Math.max(checkpoint, watermark);
      };
      const reader = (async () => {
        while (!done) {
          readPage();
          if (next() < 0.1) book.clock += 1;
          await yieldSome();
          await Promise.resolve();
        }
      })();
      // `done` in any case: the reader yields only to microtasks, so it must never outlive the writers.
      const finished = await Promise.all(writers).finally(() => (done = true));
      await reader;
      expect(finished).toHaveLength(5);
      readPage();

      expect(book.pending, `seed ${seed}`).toEqual([]);
      expect(Object.fromEntries(seen), `seed ${seed}`).toEqual(Object.fromEntries(docs));
    }
  });
});
