/**
 * Conditional writes. Each row is one compare-and-set against `_seq` (insertOne for "must not
 * exist yet", findOneAndReplace on { id, _seq } otherwise) under a sequence lease (sequence.ts).
 * Rows stand alone: MongoDB has no batch transaction here, and the port asks for none; a
 * conflict or duplicate is answered for that row and the others go on.
 */
import type { Collection, Document } from 'mongodb';
import type { CollectionName, IndexSpec } from '@oa/schema';
import { StorageError } from '../errors';
import type { StoredDocument, StoredRow, WriteRequest, WriteResult } from '../port';
import type { MongoContext } from './context';
import { readByIds } from './read-by-ids';
import { leaseBookOf, runLeased, type LeasedWrite } from './sequence';
import { isDuplicateKeyError } from './to-storage-error';
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
    const rows = block.map((request) => leasedRow(ctx, collection, target, request));
    for (const { result, seq } of await runLeased(book, rows, rowsInFlight)) {
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

function leasedRow(ctx: MongoContext, collection: CollectionName, target: Collection, request: WriteRequest): LeasedWrite<WriteResult> {
  // `_id` and `_seq` are the storage's: a client cannot choose them. `updatedAt` is the storage's clock.
  // Undefined fields are left out, as the driver (ignoreUndefined) and JSON do.
  const fields = Object.entries(request.doc).filter(([field, value]) => field !== '_id' && field !== '_seq' && value !== undefined);
  const doc = { ...Object.fromEntries(fields), updatedAt: ctx.now().toISOString() } as StoredDocument;
  const expectedSeq = request.expectedSeq;
  return {
    write: (seq) => (expectedSeq === null ? insert(ctx, collection, target, doc, seq) : replace(ctx, collection, target, expectedSeq, doc, seq)),
    wrote: (result) => result.kind === 'written',
    move: async (from, to) => {
      const moved = await target.updateOne({ id: { $eq: doc.id }, _seq: { $eq: from } }, { $set: { _seq: to } }, ctx.majorityWrite);
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
    // The id taken means the document exists: a conflict, answered with its state. Checked on
    // any duplicate (not only one on `id`), as the SQLite adapter does, so that a document that
    // exists is always a conflict even when the server reports another unique index first.
    const current = await readCurrent(ctx, collection, doc.id);
    if (current || hasField(error.keyPattern, 'id')) return { kind: 'conflict', current };
    return toDuplicate(error.keyPattern, ctx.uniqueIndexes.get(collection) ?? []);
  }
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
      { id: { $eq: doc.id }, _seq: { $eq: expectedSeq } },
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

async function readCurrent(ctx: MongoContext, collection: CollectionName, id: string): Promise<StoredRow | null> {
  const [current] = await readByIds(ctx, collection, [id]);
  return current ?? null;
}

function hasField(keyPattern: unknown, field: string): boolean {
  return typeof keyPattern === 'object' && keyPattern !== null && Object.hasOwn(keyPattern, field);
}

/** Pure: the duplicate result for the unique index whose key pattern the server reported. */
export function toDuplicate(keyPattern: unknown, declared: readonly IndexSpec[]): WriteResult {
  const fields = typeof keyPattern === 'object' && keyPattern !== null ? Object.keys(keyPattern) : [];
  const index = declared.find(
    (spec) => spec.fields.length === fields.length && spec.fields.every(([field], position) => field === fields[position]),
  );
  return { kind: 'duplicate', index: index?.name ?? '', fields };
}
