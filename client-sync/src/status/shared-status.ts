/**
 * The sync status as the leading tab tells the others (which hold no replication of their own):
 * what is sent over a BroadcastChannel and how a message is read back, checked field by field,
 * since anything on the channel came from another page. Pure.
 */
import type { SyncStatus } from './create-sync-status';

export type SharedStatusMessage =
  | { readonly kind: 'status'; readonly online: boolean; readonly pendingUploads: number; readonly lastSyncedAt: string | undefined }
  /** A tab opened: the leader answers with its status. */
  | { readonly kind: 'ask' }
  /** The leading tab is closing: its status no longer holds. */
  | { readonly kind: 'gone' };

export function toSharedStatus(status: SyncStatus): SharedStatusMessage {
  return { kind: 'status', online: status.online, pendingUploads: status.pendingUploads, lastSyncedAt: status.lastSyncedAt?.toISOString() };
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
  return { kind: 'status', online: value.online, pendingUploads: pending, lastSyncedAt: at };
}

/** The leader's status as a follower shows it. */
export function fromSharedStatus(message: Extract<SharedStatusMessage, { kind: 'status' }>): SyncStatus {
  return {
    online: message.online,
    pendingUploads: message.pendingUploads,
    pendingKeys: new Set(),
    lastSyncedAt: message.lastSyncedAt === undefined ? undefined : new Date(message.lastSyncedAt),
  };
}
