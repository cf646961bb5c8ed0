/**
 * Conditional writes. Each row is one compare-and-set against `_seq` under a sequence lease
 * (sequence.ts): "must not exist yet" is an insert, where the unique `id` index is the compare
 * (a block's new documents go in ONE unordered insertMany: one round trip, not one per row);
 * otherwise findOneAndReplace on { id, _seq }. Rows stand alone: MongoDB has no batch transaction
 * here, and the port asks for none; a conflict or duplicate is answered for that row and the
 * others go on.
 */
import { MongoBulkWriteError, type Collection, type Document } from 'mongodb';
import type { CollectionName, IndexSpec } from '@oa/schema';
import { StorageError } from '../errors';
import type { StoredDocument, StoredRow, WriteRequest, WriteResult } from '../port';
import type { MongoContext } from './context';
import { isSynced } from './is-synced';
import { allOf } from './mongo-filter';
import { readByIds } from './read-by-ids';
import { mapBounded } from './map-bounded';
import { leaseBookOf, runLeased, settle, type LeasedWrite, type Settled, type WriteAll } from './sequence';
import { duplicateKeyCode, isDuplicateKeyError, isOutcomeKnown } from './to-storage-error';
import { toRow } from './to-row';

// Rows are independent, so they run side by side: a batch costs about one row's round trips per
// eight rows. Eight, not all: a large batch must not take every pooled connection from readers.
const rowsInFlight = 8;
// Rows take their seqs in one allocation per block, in request order (a batch reads back in the
// order it was written) and with one update of the sequence document, not one per row. Blocks
// stay small so that their leases, which hold readers back until released, are short.
const rowsPerLease = 64;

export async function write(ctx: MongoContext, collection: CollectionName, requests: readonly WriteRequest[]): Promise<WriteResult[]> {
  const target = ctx.collection(collection);
  // Checked for the whole batch first: a malformed request refuses the batch before any row is written.
  for (const request of requests) {
    if (typeof request.id !== 'string' || request.doc.id !== request.id) {
      throw new StorageError('INVALID_REQUEST', `document id ${String(request.doc.id)} does not match request id ${String(request.id)}`);
    }
  }
  const book = leaseBookOf(ctx, collection);
  const results: WriteResult[] = [];
  for (const block of toBlocks(requests)) {
    const docs = block.map((request) => toStoredDocument(ctx, request));
    const rows = block.map((request, i) => leasedRow(ctx, collection, target, request, docs[i]!));
    const writeAll = writeBlock(ctx, collection, target, block, docs, rows);
    for (const { result, seq } of await runLeased(book, rows, rowsInFlight, writeAll)) {
      // The row carries the seq the document finally holds (a move may have changed it).
      results.push(result.kind === 'written' ? { kind: 'written', row: { seq, doc: result.row.doc } } : result);
    }
  }
  return results;
}

/**
 * Pure: the batch cut into blocks of at most `rowsPerLease`, in order. An id seen again starts a
 * new block, so two requests for one document run one after the other, as in the SQLite adapter,
 * instead of racing (the second then sees the first's result).
 */
export function toBlocks<R extends { readonly id: string }>(requests: readonly R[], size = rowsPerLease): R[][] {
  const blocks: R[][] = [];
  let block: R[] = [];
  let ids = new Set<string>();
  for (const request of requests) {
    if (block.length === size || ids.has(request.id)) {
      blocks.push(block);
      block = [];
      ids = new Set();
    }
    block.push(request);
    ids.add(request.id);
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

/** The document as stored: the writer's fields, none of the storage's own, the storage's `updatedAt`. */
export function toStoredDocument(ctx: MongoContext, request: WriteRequest): StoredDocument {
  // `_id` and `_seq` are the storage's: a client cannot choose them. `updatedAt` is the storage's clock.
  // Undefined fields are left out, as the driver (ignoreUndefined) and JSON do.
  const fields = Object.entries(request.doc).filter(([field, value]) => field !== '_id' && field !== '_seq' && value !== undefined);
  return { ...Object.fromEntries(fields), updatedAt: ctx.now().toISOString() } as StoredDocument;
}

/**
 * A block's writes: its new documents in one unordered insertMany, its replacements one command
 * each (eight at a time), all at once. Each row settles on its own: a duplicate is that row's
 * answer; a failure whose outcome is unknown (network, write concern) is every inserted row's, so
 * their leases are kept (sequence.ts, releaseSettled).
 */
function writeBlock(
  ctx: MongoContext,
  collection: CollectionName,
  target: Collection,
  block: readonly WriteRequest[],
  docs: readonly StoredDocument[],
  rows: readonly LeasedWrite<WriteResult>[],
): WriteAll<WriteResult> {
  return async (seqs) => {
    const settled: Array<Settled<WriteResult>> = new Array(block.length);
    const inserts = block.flatMap((request, i) => (request.expectedSeq === null ? [i] : []));
    const replaces = block.flatMap((request, i) => (request.expectedSeq === null ? [] : [i]));
    await Promise.all([
      insertAll(ctx, collection, target, inserts.map((i) => ({ doc: docs[i]!, seq: seqs[i]! }))).then((outcomes) =>
        outcomes.forEach((outcome, k) => (settled[inserts[k]!] = outcome)),
      ),
      mapBounded(replaces, rowsInFlight, (i) => settle(() => rows[i]!.write(seqs[i]!))).then((outcomes) =>
        outcomes.forEach((outcome, k) => (settled[replaces[k]!] = outcome)),
      ),
    ]);
    return settled;
  };
}

async function insertAll(
  ctx: MongoContext,
  collection: CollectionName,
  target: Collection,
  rows: ReadonlyArray<{ readonly doc: StoredDocument; readonly seq: number }>,
): Promise<Array<Settled<WriteResult>>> {
  if (rows.length === 0) return [];
  const written = (row: { doc: StoredDocument; seq: number }): Settled<WriteResult> => ({ ok: true, value: { kind: 'written', row } });
  try {
    // Copies: the driver adds the generated `_id` to the objects it is given. Unordered: a
    // duplicate stops only its own row.
    await target.insertMany(
      rows.map((row) => ({ ...row.doc, _seq: row.seq })),
      { ordered: false, ...ctx.majorityWrite },
    );
    return rows.map(written);
  } catch (error) {
    // Per-row answers only when the server answered per row and every other row is known to be
    // on a majority; otherwise (a network error, a write-concern error) no row's fate is known.
    if (!(error instanceof MongoBulkWriteError) || !isOutcomeKnown(error)) return rows.map(() => ({ ok: false, error }));
    const failures = new Map(toWriteErrors(error).map((failure) => [failure.index, failure]));
    return Promise.all(
      rows.map(async (row, i): Promise<Settled<WriteResult>> => {
        const failure = failures.get(i);
        if (!failure) return written(row);
        if (Number(failure.code) !== duplicateKeyCode) return { ok: false, error };
        // The driver keeps no key pattern for a bulk's duplicate (only its message, which we never
        // parse): that row alone goes again, with the same seq, whose error names the index. A
        // duplicate is rare (a replayed create), so this costs nothing in the common case.
        return settle(() => insert(ctx, collection, target, row.doc, row.seq));
      }),
    );
  }
}

function toWriteErrors(error: MongoBulkWriteError): Array<{ index: number; code: unknown }> {
  const list = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  return list.map((failure) => ({ index: failure.index, code: failure.code }));
}

function leasedRow(ctx: MongoContext, collection: CollectionName, target: Collection, request: WriteRequest, doc: StoredDocument): LeasedWrite<WriteResult> {
  const expectedSeq = request.expectedSeq;
  return {
    write: (seq) => (expectedSeq === null ? insert(ctx, collection, target, doc, seq) : replace(ctx, collection, target, expectedSeq, doc, seq)),
    wrote: (result) => result.kind === 'written',
    move: async (from, to) => {
      const moved = await target.updateOne(allOf({ id: { $eq: doc.id }, _seq: { $eq: from } }, isSynced), { $set: { _seq: to } }, ctx.majorityWrite);
      return moved.matchedCount === 1;
    },
  };
}

async function insert(ctx: MongoContext, collection: CollectionName, target: Collection, doc: StoredDocument, seq: number): Promise<WriteResult> {
  try {
    // A copy: insertOne adds the generated `_id` to the object it is given.
    await target.insertOne({ ...doc, _seq: seq }, ctx.majorityWrite);
    return { kind: 'written', row: { seq, doc } };
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return answerDuplicate(ctx, collection, doc, error.keyPattern);
  }
}

/**
 * An insert refused by a unique index. The id taken means the document exists: a conflict,
 * answered with its state. Checked on any duplicate (not only one on `id`), as the SQLite adapter
 * does, so that a document that exists is always a conflict even when the server reports another
 * unique index first.
 */
export async function answerDuplicate(
  ctx: MongoContext,
  collection: CollectionName,
  doc: StoredDocument,
  keyPattern: unknown,
): Promise<Extract<WriteResult, { kind: 'conflict' | 'duplicate' }>> {
  const current = await readCurrent(ctx, collection, doc.id);
  if (current || hasField(keyPattern, 'id')) return { kind: 'conflict', current };
  return toDuplicate(keyPattern, ctx.uniqueIndexes.get(collection) ?? []);
}

async function replace(
  ctx: MongoContext,
  collection: CollectionName,
  target: Collection,
  expectedSeq: number,
  doc: StoredDocument,
  seq: number,
): Promise<WriteResult> {
  let replaced: Document | null;
  try {
    // The compare and the set are one server-side operation on one document: exactly one of
    // several writers holding the same `expectedSeq` can match. The replacement keeps the `_id`.
    replaced = await target.findOneAndReplace(
      // isSynced: no change in what matches, but the partial `id` index is used (is-synced.ts).
      allOf({ id: { $eq: doc.id }, _seq: { $eq: expectedSeq } }, isSynced),
      { ...doc, _seq: seq },
      { returnDocument: 'after', projection: { _id: 0 }, ...ctx.majorityWrite },
    );
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return toDuplicate(error.keyPattern, ctx.uniqueIndexes.get(collection) ?? []);
  }
  if (!replaced) return { kind: 'conflict', current: await readCurrent(ctx, collection, doc.id) };
  return { kind: 'written', row: toRow(replaced) };
}

export async function readCurrent(ctx: MongoContext, collection: CollectionName, id: string): Promise<StoredRow | null> {
  const [current] = await readByIds(ctx, collection, [id]);
  return current ?? null;
}

function hasField(keyPattern: unknown, field: string): boolean {
  return typeof keyPattern === 'object' && keyPattern !== null && Object.hasOwn(keyPattern, field);
}

/** Pure: the duplicate result for the unique index whose key pattern the server reported. */
export function toDuplicate(keyPattern: unknown, declared: readonly IndexSpec[]): Extract<WriteResult, { kind: 'duplicate' }> {
  const fields = typeof keyPattern === 'object' && keyPattern !== null ? Object.keys(keyPattern) : [];
  const index = declared.find(
    (spec) => spec.fields.length === fields.length && spec.fields.every(([field], position) => field === fields[position]),
  );
  return { kind: 'duplicate', index: index?.name ?? '', fields };
}
