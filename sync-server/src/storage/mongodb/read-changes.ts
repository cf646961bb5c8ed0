/**
 * A page of changes after a checkpoint. Reads the safe watermark W first (sequence.ts), then the
 * documents with `_seq` in (after, W], so a page never passes a write still committing; a page
 * that is not full moves the checkpoint up to W. Hidden documents become tombstones in the database.
 */
import type { Document } from 'mongodb';
import type { CollectionName } from '@oa/schema';
import { StorageError } from '../errors';
import type { ChangesPage, JsonChangesPage, ReadChangesQuery } from '../port';
import { majorityRead, type MongoContext } from './context';
import { isSynced } from './is-synced';
import { allOf, isLive, omitProjection, toMongoExpression, toMongoQuery } from './mongo-filter';
import { readWatermark, readWatermarks } from './sequence';
import { toRow } from './to-row';

export async function readChanges(ctx: MongoContext, query: ReadChangesQuery): Promise<ChangesPage> {
  const { after, limit } = query;
  if (!Number.isSafeInteger(after) || after < 0) throw new StorageError('INVALID_REQUEST', `bad checkpoint ${after}`);
  if (!Number.isSafeInteger(limit) || limit < 1) throw new StorageError('INVALID_REQUEST', `bad limit ${limit}`);
  const collection = ctx.collection(query.collection);
  // Built (and field names checked) before anything is sent.
  const scope = toMongoQuery(query.scope);
  const skipHidden = query.hidden === 'skip';
  // Skipping: hidden and deleted documents are left out by the match. Otherwise they are kept,
  // and the visible filter decides, per document, between the document and its tombstone.
  const visibleQuery = skipHidden ? allOf(toMongoQuery(query.visible), isLive) : {};
  const visibleExpression = skipHidden ? true : toMongoExpression(query.visible);
  const projection = omitProjection(query.omit);

  // One causally consistent session: the page query reads a state at least as new as the one the
  // watermark came from, even when a failover happens between the two reads (sequence.ts, (c)).
  const session = ctx.client.startSession({ causalConsistency: true });
  try {
    const watermark = await readWatermark(ctx, query.collection, session);
    if (watermark <= after) return { rows: [], checkpoint: after };
    const range = { _seq: { $gt: after, $lte: watermark } };
    const pipeline: Document[] = [
      // isSynced: a document without our `id` is no change, and the partial `_seq` index serves the range.
      { $match: allOf(range, isSynced, scope, visibleQuery) },
      { $sort: { _seq: 1 } },
      { $limit: limit },
      // A document in scope the reader may not see travels as a deletion carrying only its id:
      // computed here, so its content never leaves the database.
      ...(visibleExpression === true ? [] : [{ $replaceWith: { $cond: [visibleExpression, '$$ROOT', tombstoneOf] } }]),
      { $project: projection },
    ];
    // batchSize: the whole page in the first answer (MongoDB's default first batch is 101
    // documents; a page of 1,000 would cost a getMore round trip more).
    const raw = await collection.aggregate(pipeline, { ...majorityRead, session, batchSize: limit }).toArray();
    const rows = raw.map(toRow);
    const checkpoint = rows.length < limit ? watermark : rows[rows.length - 1]!.seq;
    return { rows, checkpoint };
  } finally {
    await session.endSession();
  }
}

/** The driver hands over decoded documents: serialised here, once, as the port's JSON rows. */
export async function readChangesJson(ctx: MongoContext, query: ReadChangesQuery): Promise<JsonChangesPage> {
  const { rows, checkpoint } = await readChanges(ctx, query);
  return { rows: rows.map((row) => ({ seq: row.seq, json: JSON.stringify(row.doc) })), checkpoint };
}

const tombstoneOf = { id: '$id', _deleted: { $literal: true }, updatedAt: { $ifNull: ['$updatedAt', ''] }, _seq: '$_seq' };

export function latestCheckpoint(ctx: MongoContext, collection: CollectionName): Promise<number> {
  ctx.collection(collection);
  return readWatermark(ctx, collection);
}

export function latestCheckpoints(ctx: MongoContext, collections: readonly CollectionName[]): Promise<Map<CollectionName, number>> {
  for (const collection of collections) ctx.collection(collection);
  return readWatermarks(ctx, collections);
}
