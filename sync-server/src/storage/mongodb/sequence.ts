/**
 * Per-collection sequence numbers on MongoDB, and the watermark that makes checkpoints safe with
 * several server processes on one database, whatever their clocks say. One document per
 * collection in `_sync_sequences`: { _id: <collection>, seq, pending: [{ seq, until }] }.
 * Only the database's clock ($$NOW) is ever compared; Node's clock is never used here.
 *
 * The protocol. A writer (one row, or the rows of one batch together, in request order):
 *   1. allocate: ONE atomic update sets seq = seq + n, drops leases that ran out and appends a
 *      lease { s, until = $$NOW + leaseMs } for each new s. Taking a number and leasing it are
 *      one step, so no state of the document ever shows s as taken but not pending.
 *   2. writes each document with `_seq: s` (w: majority; write.ts).
 *   3. release: ONE atomic update removes the leases and records `releasedAt = $$NOW`, returned
 *      to the writer. If releasedAt >= until the leases ran out before the writes were known to be
 *      done: the writer moves each written document to a fresh s2 (steps 1-3 again, a bounded
 *      number of times) so it shows up again above any checkpoint a reader took meanwhile.
 * A reader computes, from one state S of the sequence document and the database's $$NOW:
 *   W = (lowest seq among leases with until > $$NOW) - 1, or S.seq when there is none,
 * and reads `_seq` in (after, W] in the same causally consistent session (read-changes.ts).
 *
 * Why no write is skipped (the port's promise: nothing that becomes visible later carries a seq at
 * or below a checkpoint already returned). Take any s <= W whose write has not been seen:
 *   (a) s <= W <= S.seq, so s was allocated before S, together with its lease (step 1).
 *   (b) W < s for every lease live in S at $$NOW, so s's lease is, in S, released or ran out.
 *   (c) Released in S: the write was acknowledged by a majority before its release, so it comes
 *       before S; the page query reads at least as late as S (same session), so it sees the write,
 *       or a later state of the document, which carries its own higher seq and is the state owed.
 *   (d) Ran out and not released in S: dropped by an allocate before S (at a time >= until), or
 *       ignored by the reader (until <= its $$NOW). The release, at database time r, comes after
 *       S. If r >= until, the writer moves the document to a seq s2 allocated after its release,
 *       so after S: s2 > S.seq >= W, and a later page delivers it. If r < until, the lease was not
 *       dropped (that allocate's time would bound r from below), so the reader ignored it and
 *       r < until <= the reader's $$NOW: the write was acknowledged before the reader began, and
 *       the page query sees it.
 *   (e) A move is itself a leased write and obeys (a)-(d). After 5 moves that also ran out the
 *       writer gives up with UNAVAILABLE; the client retries, which is a new leased write.
 * Assumptions: the primary's clock does not run backwards between the steps of one write (true of
 * one primary; across a failover, leaseMs must exceed the clock skew between members); a majority
 * read on the primary sees every write acknowledged by a majority before it began; and a write
 * whose outcome is unknown (network error, timeout) keeps its lease until it runs out instead of
 * releasing it (runLeased), so it can only be skipped if it lands more than leaseMs after it was sent.
 */
import type { ClientSession } from 'mongodb';
import type { CollectionName } from '@oa/schema';
import { StorageError } from '../errors';
import { majorityRead, type Lease, type MongoContext } from './context';
import { mapBounded } from './map-bounded';
import { isOutcomeKnown } from './to-storage-error';

/** How many times a write whose lease ran out is moved to a fresh seq before giving up. */
const maxMoves = 5;

const pendingLeases = { $ifNull: ['$pending', []] };
const liveLeases = { $filter: { input: pendingLeases, as: 'lease', cond: { $gt: ['$$lease.until', '$$NOW'] } } };

/** Takes `count` consecutive seqs, each under a lease; returned in order (lowest first). */
export async function allocateSeqs(ctx: MongoContext, collection: CollectionName, count: number): Promise<Lease[]> {
  if (!Number.isSafeInteger(count) || count < 1) throw new StorageError('INVALID_REQUEST', `bad lease count ${count}`);
  // In a $set stage every expression sees the document as it was before the stage, so `seq` in
  // the new leases is the old value and the leases are old+1 … old+count, the new `seq` the last.
  const previous = { $ifNull: ['$seq', 0] };
  const after = await ctx.sequences.findOneAndUpdate(
    { _id: collection },
    [
      {
        $set: {
          seq: { $add: [previous, count] },
          pending: {
            $concatArrays: [
              // Leases whose time is up are dropped here; their writers find out at release.
              liveLeases,
              {
                $map: {
                  input: { $range: [1, count + 1] },
                  as: 'offset',
                  in: { seq: { $add: [previous, '$$offset'] }, until: { $add: ['$$NOW', ctx.leaseMs] } },
                },
              },
            ],
          },
        },
      },
    ],
    { upsert: true, returnDocument: 'after', ...ctx.majorityWrite },
  );
  const last = after?.seq;
  const leases = typeof last === 'number' ? after!.pending.filter((lease) => lease.seq > last - count && lease.seq <= last) : [];
  if (leases.length !== count) throw new StorageError('UNAVAILABLE', `MongoDB did not return the leases taken on ${collection}`);
  return leases.sort((a, b) => a.seq - b.seq);
}

/** Ends leases; returns the database's time of the release. */
export async function releaseSeqs(ctx: MongoContext, collection: CollectionName, seqs: readonly number[]): Promise<Date> {
  const after = await ctx.sequences.findOneAndUpdate(
    { _id: collection },
    [
      {
        $set: {
          pending: { $filter: { input: pendingLeases, as: 'lease', cond: { $not: [{ $in: ['$$lease.seq', [...seqs]] }] } } },
          // Set at every release, so every release's change event names this field: other
          // processes follow releases alone (change-triggers.ts), the one event that can make
          // something new readable.
          releasedAt: '$$NOW',
        },
      },
    ],
    { returnDocument: 'after', projection: { releasedAt: 1 }, ...ctx.majorityWrite },
  );
  if (!(after?.releasedAt instanceof Date)) {
    throw new StorageError('UNAVAILABLE', `the sequence document of ${collection} is missing (was it dropped?)`);
  }
  return after.releasedAt;
}

interface WatermarkState {
  readonly seq?: number | null;
  readonly firstLive?: number | null;
}

/** Pure: the safe watermark from the sequence document's state (see the comment on top). */
export function watermarkOf(state: WatermarkState | undefined): number {
  const seq = state?.seq ?? 0;
  const firstLive = state?.firstLive;
  return firstLive === null || firstLive === undefined ? seq : Math.min(seq, firstLive - 1);
}

/** The highest checkpoint a reader can safely reach now, computed with the database's clock. */
export async function readWatermark(ctx: MongoContext, collection: CollectionName, session?: ClientSession): Promise<number> {
  const watermarks = await readWatermarks(ctx, [collection], session);
  return watermarks.get(collection) ?? 0;
}

/**
 * Several collections' watermarks in one round trip (the change feed's "anything new anywhere?",
 * asked by every poll and backstop: one query per process, not one per collection).
 */
export async function readWatermarks(
  ctx: MongoContext,
  collections: readonly CollectionName[],
  session?: ClientSession,
): Promise<Map<CollectionName, number>> {
  const states = await ctx.sequences
    .aggregate<WatermarkState & { _id: string }>(
      [
        { $match: { _id: { $in: [...collections] } } },
        {
          $project: {
            seq: { $ifNull: ['$seq', 0] },
            // $min of an array is its smallest element, null when it is empty.
            firstLive: { $min: { $map: { input: liveLeases, as: 'lease', in: '$$lease.seq' } } },
          },
        },
      ],
      { ...majorityRead, ...(session ? { session } : {}) },
    )
    .toArray();
  const byName = new Map(states.map((state) => [state._id, state]));
  return new Map(collections.map((collection) => [collection, watermarkOf(byName.get(collection))]));
}

/** A collection's leases: what runLeased needs (a seam, so the protocol is tested without a server). */
export interface LeaseBook {
  readonly collection: CollectionName;
  readonly leaseMs: number;
  allocate(count: number): Promise<Lease[]>;
  /** Ends leases; returns the database's time of the release. */
  release(seqs: readonly number[]): Promise<Date>;
}

export function leaseBookOf(ctx: MongoContext, collection: CollectionName): LeaseBook {
  return {
    collection,
    leaseMs: ctx.leaseMs,
    allocate: (count) => allocateSeqs(ctx, collection, count),
    release: (seqs) => releaseSeqs(ctx, collection, seqs),
  };
}

export interface LeasedWrite<T> {
  /** Performs the write with `_seq: seq`. */
  readonly write: (seq: number) => Promise<T>;
  /** Whether the result changed the document (only then can a run-out lease matter). */
  readonly wrote: (result: T) => boolean;
  /** Moves the document from `_seq: from` to `_seq: to`; false if it no longer has `from`. */
  readonly move: (from: number, to: number) => Promise<boolean>;
}

/** One write's outcome: its result, or the error it failed with (known or unknown, isOutcomeKnown). */
export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** Performs a block's writes, the i-th with seqs[i], settling each on its own. */
export type WriteAll<T> = (seqs: readonly number[]) => Promise<Array<Settled<T>>>;

/**
 * Runs writes under leases: one allocation for all (seqs in the order given), the writes side by
 * side (`concurrency` at a time), one release, then moves for written documents whose leases ran
 * out. Returns each write's result with the seq its document finally holds, in order; if any
 * write failed, rejects with the first failure once the others are settled and released.
 */
export async function runLeased<T>(
  book: LeaseBook,
  writes: readonly LeasedWrite<T>[],
  concurrency: number,
  // How the block's writes are sent: one command each by default; a caller may send several in
  // one command (write.ts: one insertMany for a block's new documents). Either way every write
  // carries its leased seq and the release waits for all of them.
  writeAll: WriteAll<T> = (seqs) => mapBounded(writes, concurrency, (leased, i) => settle(() => leased.write(seqs[i]!))),
): Promise<Array<{ result: T; seq: number }>> {
  if (writes.length === 0) return [];
  const leases = await book.allocate(writes.length);
  const settled = await writeAll(leases.map((lease) => lease.seq));
  if (settled.length !== writes.length) throw new StorageError('INVALID_REQUEST', 'a block answered for another number of writes than it had');
  let releasedAt = await releaseSettled(book, leases, settled);
  const failure = settled.find((outcome) => !outcome.ok);
  if (failure) throw failure.error;

  const results = settled.map((outcome, i) => ({ result: (outcome as { value: T }).value, seq: leases[i]!.seq }));
  let until = leases[0]!.until; // one allocation, one `until` for all
  let pending = results.map((_, i) => i).filter((i) => writes[i]!.wrote(results[i]!.result));
  for (let moves = 0; pending.length > 0 && releasedAt >= until; moves++) {
    if (moves === maxMoves) {
      throw new StorageError(
        'UNAVAILABLE',
        `writes to ${book.collection} keep outlasting their ${book.leaseMs} ms lease; the database is too slow right now`,
      );
    }
    const fresh = await book.allocate(pending.length);
    const moved = await mapBounded(pending, concurrency, (i, k) => settle(() => writes[i]!.move(results[i]!.seq, fresh[k]!.seq)));
    releasedAt = await releaseSettled(book, fresh, moved);
    const failed = moved.find((outcome) => !outcome.ok);
    if (failed) throw failed.error;
    // Not moved: a later write replaced the document meanwhile, under a lease of its own.
    pending = pending.filter((i, k) => {
      if (!(moved[k] as { value: boolean }).value) return false;
      results[i]!.seq = fresh[k]!.seq;
      return true;
    });
    until = fresh[0]!.until;
  }
  return results;
}

export async function settle<T>(fn: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Releases the leases of the writes that finished, and of those that failed in a way that left
 * the database unchanged. After a network error or a timeout the command may still land: that
 * lease stays until it runs out, holding readers below it for that long rather than letting them
 * pass a write that becomes visible later.
 */
async function releaseSettled(book: LeaseBook, leases: readonly Lease[], settled: ReadonlyArray<Settled<unknown>>): Promise<Date> {
  const done = leases.filter((_, i) => {
    const outcome = settled[i]!;
    return outcome.ok || isOutcomeKnown(outcome.error);
  });
  if (done.length === 0) return new Date(0); // every write failed, and is reported instead
  const release = book.release(done.map((lease) => lease.seq));
  // With a write failing anyway, its error is the one worth reporting; a failed release only
  // lets the leases run out.
  if (settled.some((outcome) => !outcome.ok)) return release.catch(() => new Date(0));
  return release;
}
