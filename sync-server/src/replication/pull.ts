/**
 * GET /sync/:collection/pull, as RxDB's HTTP replication expects: `{ documents, checkpoint }`.
 *   1. resolve the collection and what the caller may read (404 / 401 / 403);
 *   2. decode the opaque checkpoint (a first sync skips hidden documents; later pulls turn them
 *      into tombstones);
 *   3. read one page in the database with the caller's scope, visibility and no secrets;
 *   4. answer with the next checkpoint.
 * Documents travel as the JSON text the storage holds (readChangesJson): a pull parses and
 * re-serialises nothing, which was most of its time (see toPullBody).
 */
import { secretFields, type Caller } from '@oa/schema';
import { AppError } from '../http/app-error';
import type { Storage } from '../storage/port';
import { decodeCheckpoint, encodeCheckpoint, scopeFingerprint } from './checkpoint';
import { resolveRead } from './resolve-read';

export const defaultPullLimit = 100;
export const maxPullLimit = 1000;

export interface PullRequest {
  readonly collection: string;
  readonly caller: Caller;
  readonly checkpoint: string | undefined;
  readonly limit: string | undefined;
}

export interface PullResponse {
  /** Each document as JSON text. */
  readonly documents: readonly string[];
  readonly checkpoint: string;
}

/**
 * The answer's body, `{ documents, checkpoint }`, written as text once: handing Koa an object
 * had it stringified twice (once by koa-compress asking for its length, once to send).
 */
export function toPullBody(response: PullResponse): string {
  return `{"documents":[${response.documents.join(',')}],"checkpoint":${JSON.stringify(response.checkpoint)}}`;
}

export function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return defaultPullLimit;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw new AppError(400, 'BAD_LIMIT', 'limit must be a whole number from 1');
  // Capped, not refused: a client asking for more simply gets pages of the largest size.
  return Math.min(Number(raw), maxPullLimit);
}

export async function pull(storage: Storage, request: PullRequest): Promise<PullResponse> {
  const { collection, filter } = resolveRead(request.collection, request.caller);
  const limit = parseLimit(request.limit);
  const fingerprint = scopeFingerprint(collection, filter, secretFields(collection));
  const latest = request.checkpoint ? 0 : await storage.latestCheckpoint(collection);
  const position = decodeCheckpoint(request.checkpoint, fingerprint, latest);
  const firstSync = position.firstSyncUntil !== undefined;

  const page = await storage.readChangesJson({
    collection,
    after: position.seq,
    limit,
    scope: filter.scope,
    visible: filter.visible,
    hidden: firstSync ? 'skip' : 'tombstone',
    omit: secretFields(collection),
  });

  let rows = page.rows;
  let seq = page.checkpoint;
  // A first sync may skip hidden documents only up to where it began: anything that changed
  // after that may be something this client already received, so it must come as a tombstone.
  if (firstSync && seq > position.firstSyncUntil!) {
    rows = rows.filter((row) => row.seq <= position.firstSyncUntil!);
    seq = position.firstSyncUntil!;
  }
  const stillFirst = firstSync && seq < position.firstSyncUntil! ? position.firstSyncUntil : undefined;
  return {
    documents: rows.map((row) => row.json),
    checkpoint: encodeCheckpoint({ seq, firstSyncUntil: stillFirst }, fingerprint),
  };
}
