/**
 * The sync status as the leading tab tells the others (which hold no replication of their own):
 * what is sent over a BroadcastChannel and how a message is read back, checked field by field,
 * since anything on the channel came from another page. Pure.
 */
import type { SyncStatus } from './create-sync-status';

export type SharedStatusMessage =
  | {
      readonly kind: 'status';
      readonly online: boolean;
      readonly pendingUploads: number;
      readonly lastSyncedAt: string | undefined;
      /** The leader's last failure, so a follower tells "can't reach the shop" from "connecting". */
      readonly error?: { readonly code: string; readonly httpStatus?: number } | undefined;
    }
  /** A tab opened: the leader answers with its status. */
  | { readonly kind: 'ask' }
  /** The leading tab is closing: its status no longer holds. */
  | { readonly kind: 'gone' };

export function toSharedStatus(status: SyncStatus): SharedStatusMessage {
  const error = status.error && { code: status.error.code, ...(status.error.httpStatus === undefined ? {} : { httpStatus: status.error.httpStatus }) };
  return { kind: 'status', online: status.online, pendingUploads: status.pendingUploads, lastSyncedAt: status.lastSyncedAt?.toISOString(), ...(error ? { error } : {}) };
}

export function parseSharedStatus(message: unknown): SharedStatusMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const value = message as Record<string, unknown>;
  if (value.kind === 'ask' || value.kind === 'gone') return { kind: value.kind };
  if (value.kind !== 'status' || typeof value.online !== 'boolean') return undefined;
  const pending = value.pendingUploads;
  if (typeof pending !== 'number' || !Number.isInteger(pending) || pending < 0) return undefined;
  const at = value.lastSyncedAt;
  if (at !== undefined && (typeof at !== 'string' || Number.isNaN(Date.parse(at)))) return undefined;
  const error = parseSharedError(value.error);
  return { kind: 'status', online: value.online, pendingUploads: pending, lastSyncedAt: at, ...(error ? { error } : {}) };
}

/** An error that is not well formed is dropped (the follower then says "connecting"), never trusted. */
function parseSharedError(value: unknown): { code: string; httpStatus?: number } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { code, httpStatus } = value as Record<string, unknown>;
  if (typeof code !== 'string' || code.length > 100) return undefined;
  return typeof httpStatus === 'number' && Number.isInteger(httpStatus) ? { code, httpStatus } : { code };
}

/** The leader's status as a follower shows it. */
export function fromSharedStatus(message: Extract<SharedStatusMessage, { kind: 'status' }>): SyncStatus {
  return {
    online: message.online,
    pendingUploads: message.pendingUploads,
    pendingKeys: new Set(),
    lastSyncedAt: message.lastSyncedAt === undefined ? undefined : new Date(message.lastSyncedAt),
    ...(message.error ? { error: { ...message.error, message: message.error.code } } : {}),
  };
}
