/**
 * What the header says about sync, as plain data: online or offline, changes waiting to upload,
 * when this device last synced. Pure: the browser's network, this tab's part in replication and
 * client-sync's SyncStatus go in, labels come out. Not a view and not a source of those facts.
 */
import type { PullProgress } from '../replication/replicate-collections';
import type { SyncStatus } from './create-sync-status';

export type ConnectionState = 'offline' | 'connecting' | 'live';

/**
 * This tab's part in replication. Only the RxDB leader replicates and holds the one live stream
 * ('leader'); the other tabs ('follower') share its database, never connect themselves, and
 * show the status the leader broadcasts. 'none': no replication anywhere yet.
 */
export type ReplicationRole = 'none' | 'leader' | 'follower';

export interface SyncStatusInput {
  readonly browserOnline: boolean;
  readonly role: ReplicationRole;
  /**
   * The replication's status: this tab's own when it leads, the leader's broadcast in a follower
   * (undefined until one arrives). Its `online` is the live stream's connection.
   */
  readonly status: SyncStatus | undefined;
}

export interface SyncStatusView {
  readonly state: ConnectionState;
  readonly label: string;
  /** "3 changes waiting to upload"; undefined when none wait. */
  readonly pending: string | undefined;
  /** "Last synced 09:05"; undefined before the first sync. */
  readonly lastSynced: string | undefined;
}

const labels: Record<ConnectionState, string> = { offline: 'Offline', connecting: 'Offline: showing the saved catalogue', live: 'Online' };

/**
 * Online is the browser's network AND the live stream (the leader's, in any tab): a tab never
 * says "Online" on the browser's word alone, since the sync server may still be out of reach.
 */
export function toConnectionState(browserOnline: boolean, streamConnected: boolean): ConnectionState {
  if (!browserOnline) return 'offline';
  return streamConnected ? 'live' : 'connecting';
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

export function toSyncStatusView({ browserOnline, status }: SyncStatusInput): SyncStatusView {
  const state = toConnectionState(browserOnline, status?.online ?? false);
  return { state, label: labels[state], pending: formatPendingUploads(status?.pendingUploads ?? 0), lastSynced: formatLastSynced(status?.lastSyncedAt) };
}

/** The first sync's progress, as the banner says it; undefined once everything has caught up. */
export interface FirstSyncView {
  readonly label: string;
  /** The catalogue comes first, then the shopper's own data. */
  readonly step: 'catalogue' | 'own';
}

const catalogueNames = new Set(['products', 'categories', 'reviews']);

export function toFirstSyncView(progress: readonly PullProgress[]): FirstSyncView | undefined {
  const waiting = progress.filter((entry) => !entry.caughtUp);
  if (waiting.length === 0) return undefined;
  if (waiting.some((entry) => catalogueNames.has(entry.collection))) {
    const products = progress.find((entry) => entry.collection === 'products')?.received ?? 0;
    return { step: 'catalogue', label: `Downloading the catalogue: ${products.toLocaleString('en-IN')} ${products === 1 ? 'product' : 'products'} so far` };
  }
  return { step: 'own', label: 'Downloading your cart, orders and profile' };
}
