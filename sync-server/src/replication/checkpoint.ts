/**
 * The opaque checkpoint string clients pass back: `v1.<seq>.<first-sync target or ->.<scope>`.
 * - seq: the storage position reached;
 * - first-sync target: while a client without data catches up to the position it started at,
 *   hidden and deleted documents are skipped (it holds nothing to delete); after that, they
 *   travel as tombstones;
 * - scope: a fingerprint of what the reader sees: collection, owner, filters and the fields left
 *   out. A checkpoint from another scope (another user, a role that sees more or less, a policy
 *   change) restarts from 0 with tombstones, so the replica is corrected rather than trusted.
 *   The role itself is not in it: a visitor's catalogue checkpoint stays good once they sign in
 *   as a shopper (the same filter, the same fields), so signing in never downloads it again.
 */
import { createHash } from 'node:crypto';
import type { CollectionName, ReadFilter } from '@oa/schema';
import { AppError } from '../http/app-error';

export interface Position {
  readonly seq: number;
  /** Set during a first sync: skip hidden documents until this seq. */
  readonly firstSyncUntil: number | undefined;
}

export function scopeFingerprint(collection: CollectionName, filter: ReadFilter, omitted: readonly string[]): string {
  const text = JSON.stringify([collection, filter.scope, filter.visible, [...omitted].sort()]);
  return createHash('sha256').update(text).digest('base64url').slice(0, 12);
}

export function encodeCheckpoint(position: Position, fingerprint: string): string {
  return `v1.${position.seq}.${position.firstSyncUntil ?? '-'}.${fingerprint}`;
}

const pattern = /^v1\.(\d{1,15})\.(\d{1,15}|-)\.([A-Za-z0-9_-]{12})$/;

/**
 * The position to read from. No checkpoint: a first sync up to `latest`. A checkpoint from
 * another scope: from 0 with tombstones. Anything unparseable: 400, never a guess.
 */
export function decodeCheckpoint(raw: string | undefined, fingerprint: string, latest: number): Position {
  if (raw === undefined || raw === '' || raw === 'null') return { seq: 0, firstSyncUntil: latest };
  const match = pattern.exec(raw);
  if (!match) throw new AppError(400, 'BAD_CHECKPOINT', 'The checkpoint is not one this server gave out; pull again without one');
  if (match[3] !== fingerprint) return { seq: 0, firstSyncUntil: undefined };
  const seq = Number(match[1]);
  const until = match[2] === '-' ? undefined : Number(match[2]);
  return { seq, firstSyncUntil: until !== undefined && until > seq ? until : undefined };
}
