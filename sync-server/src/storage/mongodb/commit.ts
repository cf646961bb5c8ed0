/**
 * A unit of work on MongoDB: one multi-document transaction (ClientSession.withTransaction, majority
 * write concern, snapshot reads), which needs a replica set. A standalone has no transactions: there
 * the writes are applied one after another, stopping at the first that cannot be made, NOT all or
 * nothing (`atomicUnits` false); good enough to develop against, which is why the server refuses a
 * standalone in production (main.ts).
 *
 * Sequence numbers inside the transaction: one `$inc` of each touched collection's sequence
 * document, no lease. Why checkpoints stay safe (the port's promise; sequence.ts for leased
 * writes): the counter and the documents change in one commit, so a reader's sequence state S
 * either precedes the commit (then S.seq is below every seq of the unit: any other change to the
 * sequence document between the transaction's read and its commit would have failed it with a
 * WriteConflict) or includes it, and then the page, read in the same causal session at least as
 * late as S, includes the unit's documents too. Leases taken by plain writes stay in `pending`,
 * untouched, and hold readers back as before. No reader ever sees part of a unit.
 *
 * Retries: MongoDB fails a transaction that meets a concurrent write at once with WriteConflict
 * (labelled TransientTransactionError); withTransaction runs the callback again on that label, and
 * retries the commit on UnknownTransactionCommitResult, as the driver's documentation says. (The
 * test stand-in serialises transactions and never answers WriteConflict: the retry path is tested
 * by an injected failure, `injectUnitFault`.)
 */
import type { ClientSession } from 'mongodb';
import type { CollectionName } from '@oa/schema';
import { checkUnit } from '../check-unit';
import { StorageError } from '../errors';
import type { CommitResult, StoredDocument, StoredRow, UnitWrite } from '../port';
import type { MongoContext } from './context';
import { isSynced } from './is-synced';
import { allOf } from './mongo-filter';
import { isDuplicateKeyError } from './to-storage-error';
import { toRow } from './to-row';
import { answerDuplicate, readCurrent, toDuplicate, toStoredDocument, write } from './write';

export interface UnitOptions {
  /** False on a deployment without transactions (a standalone): writes are applied one by one. */
  readonly transactions: boolean;
  /** Tests only: called in every transaction attempt after its first write; what it throws, the database threw. */
  readonly injectUnitFault?: (attempt: number) => void;
}

/** Thrown inside the transaction to abort it; carries what the unit met. */
class Refused {
  constructor(
    readonly write: UnitWrite,
    readonly doc: StoredDocument,
    readonly duplicateKeyPattern?: unknown,
  ) {}
}

export async function commit(ctx: MongoContext, writes: readonly UnitWrite[], options: UnitOptions): Promise<CommitResult> {
  checkUnit(writes);
  if (!options.transactions) return applyOneByOne(ctx, writes);
  const targets = writes.map((write) => ctx.collection(write.collection));
  const docs = writes.map((write) => toStoredDocument(ctx, write));
  if (writes.length === 0) return { kind: 'committed', rows: [] };
  const session = ctx.client.startSession({ causalConsistency: true });
  let attempt = 0;
  try {
    return await session.withTransaction(
      async (): Promise<CommitResult> => {
        attempt++;
        const seqs = await takeSeqs(ctx, session, writes);
        const rows: Array<{ collection: CollectionName; row: StoredRow }> = [];
        for (const [i, write] of writes.entries()) {
          const doc = docs[i]!;
          const seq = seqs[i]!;
          if (write.expectedSeq === null) {
            try {
              await targets[i]!.insertOne({ ...doc, _seq: seq }, { session });
            } catch (error) {
              if (isDuplicateKeyError(error)) throw new Refused(write, doc, error.keyPattern ?? {});
              throw error;
            }
            rows.push({ collection: write.collection, row: { seq, doc } });
          } else {
            const replaced = await targets[i]!.findOneAndReplace(
              allOf({ id: { $eq: write.id }, _seq: { $eq: write.expectedSeq } }, isSynced),
              { ...doc, _seq: seq },
              { session, returnDocument: 'after', projection: { _id: 0 } },
            ).catch((error: unknown) => {
              if (isDuplicateKeyError(error)) throw new Refused(write, doc, error.keyPattern ?? {});
              throw error;
            });
            if (!replaced) throw new Refused(write, doc);
            rows.push({ collection: write.collection, row: toRow(replaced) });
          }
          if (i === 0) options.injectUnitFault?.(attempt);
        }
        return { kind: 'committed', rows };
      },
      { readConcern: { level: 'snapshot' }, writeConcern: ctx.majorityWrite.writeConcern, readPreference: 'primary' },
    );
  } catch (thrown) {
    if (!(thrown instanceof Refused)) throw thrown;
    // Aborted: nothing of the unit was applied. Say which document was not as expected, with its
    // state now (read after the abort, so the planner re-plans from what is really there).
    const { write, doc, duplicateKeyPattern } = thrown;
    if (duplicateKeyPattern === undefined) {
      return { kind: 'moved', collection: write.collection, id: write.id, current: await readCurrent(ctx, write.collection, write.id) };
    }
    const answer = write.expectedSeq === null ? await answerDuplicate(ctx, write.collection, doc, duplicateKeyPattern) : undefined;
    if (answer?.kind === 'conflict') return { kind: 'moved', collection: write.collection, id: write.id, current: answer.current };
    const duplicate = answer ?? toDuplicate(duplicateKeyPattern, ctx.uniqueIndexes.get(write.collection) ?? []);
    return { kind: 'duplicate', collection: write.collection, id: write.id, index: duplicate.index, fields: duplicate.fields };
  } finally {
    await session.endSession();
  }
}

/**
 * Without transactions (a standalone, development only): each write as a plain leased write, the
 * changes to existing documents first and the creations last, so that the document a unit creates
 * (an order) appears after what it depends on (its stock taken). At the first write that cannot
 * be made, the ones already made are undone (their earlier states written back, a creation
 * deleted) and the answer is as for a transaction. Not all or nothing: a reader can see the
 * middle, and a crash there leaves it; which is why production refuses a standalone (main.ts).
 */
async function applyOneByOne(ctx: MongoContext, writes: readonly UnitWrite[]): Promise<CommitResult> {
  const order = [...writes.keys()].sort((a, b) => Number(writes[a]!.expectedSeq === null) - Number(writes[b]!.expectedSeq === null));
  const rows: Array<{ collection: CollectionName; row: StoredRow }> = new Array(writes.length);
  const done: Array<{ write: UnitWrite; row: StoredRow; before: StoredRow | null }> = [];
  for (const i of order) {
    const { collection, ...request } = writes[i]!;
    const before = request.expectedSeq === null ? null : await readCurrent(ctx, collection, request.id);
    const [result] = await write(ctx, collection, [request]);
    if (result?.kind === 'written') {
      rows[i] = { collection, row: result.row };
      done.push({ write: writes[i]!, row: result.row, before });
      continue;
    }
    await undo(ctx, done);
    if (result?.kind === 'conflict') return { kind: 'moved', collection, id: request.id, current: result.current };
    if (result?.kind === 'duplicate') return { kind: 'duplicate', collection, id: request.id, index: result.index, fields: result.fields };
    throw new StorageError('UNAVAILABLE', `no answer for ${collection}/${request.id}`);
  }
  return { kind: 'committed', rows };
}

/** Puts back what applyOneByOne made, newest first, each only if nobody changed it since. */
async function undo(ctx: MongoContext, done: ReadonlyArray<{ write: UnitWrite; row: StoredRow; before: StoredRow | null }>): Promise<void> {
  for (const { write: made, row, before } of [...done].reverse()) {
    const doc = before ? { ...before.doc } : { ...row.doc, _deleted: true };
    await write(ctx, made.collection, [{ id: made.id, expectedSeq: row.seq, doc }]);
  }
}

/** Each write's seq: one `$inc` per collection the unit touches, in the transaction. */
async function takeSeqs(ctx: MongoContext, session: ClientSession, writes: readonly UnitWrite[]): Promise<number[]> {
  const counts = new Map<CollectionName, number>();
  for (const write of writes) counts.set(write.collection, (counts.get(write.collection) ?? 0) + 1);
  const next = new Map<CollectionName, number>();
  for (const [collection, count] of counts) {
    const after = await ctx.sequences.findOneAndUpdate({ _id: collection }, { $inc: { seq: count } }, { session, returnDocument: 'after' });
    if (typeof after?.seq !== 'number') throw new StorageError('UNAVAILABLE', `the sequence document of ${collection} is missing (was it dropped?)`);
    next.set(collection, after.seq - count + 1);
  }
  return writes.map((write) => {
    const seq = next.get(write.collection)!;
    next.set(write.collection, seq + 1);
    return seq;
  });
}
