/**
 * What the header says about sync, as plain data: online or offline, changes waiting to upload,
 * when this device last synced. Pure: the browser's network, this tab's part in replication and
 * client-sync's SyncStatus go in, labels come out. Not a view and not a source of those facts.
 */
import type { SyncStatus } from '@oa/client-sync';

export type ConnectionState = 'offline' | 'connecting' | 'live';

/**
 * This tab's part in replication. Only the RxDB leader replicates and holds the one live stream
 * ('leader'); the other tabs ('follower') share its database and never connect themselves.
 * 'none': no replication at all (no /config.json reached yet).
 */
export type ReplicationRole = 'none' | 'leader' | 'follower';

export interface SyncStatusInput {
  readonly browserOnline: boolean;
  readonly role: ReplicationRole;
  /** client-sync's status of this tab's replication; its `online` is the live stream's connection. */
  readonly status: SyncStatus | undefined;
}

export interface SyncStatusView {
  readonly state: ConnectionState;
  readonly label: string;
  /** "3 changes waiting to upload"; undefined when none wait (or this tab cannot know). */
  readonly pending: string | undefined;
  /** "Last synced 09:05"; undefined before the first sync in this tab. */
  readonly lastSynced: string | undefined;
}

const labels: Record<ConnectionState, string> = { offline: 'Offline', connecting: 'Offline: showing the saved catalogue', live: 'Online' };

/**
 * Online is the browser's network AND the live stream, except in a follower tab: it holds no
 * stream by design (the leader does), so there navigator.onLine alone decides, rather than every
 * second tab claiming "offline". A follower cannot see the leader's stream, so it may say
 * "Online" while the sync server is down; the leader tab tells the truth.
 */
export function toConnectionState(browserOnline: boolean, role: ReplicationRole, streamConnected: boolean): ConnectionState {
  if (!browserOnline) return 'offline';
  if (role === 'follower') return 'live';
  return role === 'leader' && streamConnected ? 'live' : 'connecting';
}

export function formatPendingUploads(count: number): string | undefined {
  if (count <= 0) return undefined;
  return `${count.toLocaleString('en-IN')} ${count === 1 ? 'change' : 'changes'} waiting to upload`;
}

/** "Last synced HH:MM" in the device's local time, 24-hour. */
export function formatLastSynced(at: Date | undefined): string | undefined {
  if (!at) return undefined;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `Last synced ${two(at.getHours())}:${two(at.getMinutes())}`;
}

export function toSyncStatusView({ browserOnline, role, status }: SyncStatusInput): SyncStatusView {
  const state = toConnectionState(browserOnline, role, status?.online ?? false);
  // Only the leader's replication answers uploads and goes idle, so only there are the pending
  // count and the last sync known; a follower's own writes are uploaded by the leader.
  const known = role === 'leader' ? status : undefined;
  return { state, label: labels[state], pending: formatPendingUploads(known?.pendingUploads ?? 0), lastSynced: formatLastSynced(known?.lastSyncedAt) };
}
