/**
 * What the header says about sync, as plain data: a pure function of the facts (the browser's
 * network, the replication's status with its last error, the first sync's progress, whether the
 * session was ended and whether the server still serves this build), labels out. Each state says
 * what is true and what to do: never "Offline" when the truth is a sign-in or an update.
 * Not a view and not a source of those facts.
 */
import type { PullProgress } from '../replication/replicate-collections';
import { formatCount } from '../format/indian-digits';
import type { SyncStatus } from './create-sync-status';

/**
 * In order of precedence: the update and the sign-in are needed whatever the network does;
 * 'offline' is the browser's word; 'unreachable' is online with the sync server not answering;
 * 'connecting' is waiting for the first answer (or the first sync coming down); 'live' has the
 * live stream connected.
 */
export type ConnectionState = 'outdated' | 'signed-out' | 'offline' | 'unreachable' | 'connecting' | 'live';

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
   * (or what was saved before a reload, until one arrives). Its `online` is the live stream's connection.
   */
  readonly status: SyncStatus | undefined;
  /** The server refused to refresh the session (signed out on another device, or expired). */
  readonly signedOut?: boolean;
  /** The server no longer serves this build (426 CLIENT_OUTDATED): replication has stopped. */
  readonly outdated?: boolean;
  /** This page could not learn where the sync server is (its config did not load): it cannot reach it. */
  readonly syncUrlMissing?: boolean;
  /** A first sync under way (toFirstSyncView), shown while the server answers. */
  readonly firstSync?: FirstSyncView | undefined;
}

export interface SyncStatusView {
  readonly state: ConnectionState;
  readonly label: string;
  /** "3 changes waiting to upload"; undefined when none wait. */
  readonly pending: string | undefined;
  /** "Last synced 09:05"; undefined before the first sync (kept across reloads). */
  readonly lastSynced: string | undefined;
}

const labels: Record<ConnectionState, string> = {
  outdated: 'Update needed to sync',
  'signed-out': 'Signed out: sign in to sync',
  offline: 'Offline',
  unreachable: 'Can’t reach the shop',
  connecting: 'Connecting…',
  live: 'Online',
};

/**
 * A failure that says the sync server did not answer, or answered as a broken proxy or server
 * would: no answer (status 0), a 5xx, or a body that is not the server's JSON error. Refusals
 * with the server's own code (401, 403, 429) mean it answered.
 */
export function isUnreachableError(error: SyncStatus['error']): boolean {
  if (!error) return false;
  if (error.code === 'NETWORK_ERROR' || error.code === 'HTTP_ERROR') return true;
  return error.httpStatus !== undefined && error.httpStatus >= 500;
}

export function toConnectionState(input: Omit<SyncStatusInput, 'role' | 'firstSync'>): ConnectionState {
  if (input.outdated) return 'outdated';
  if (input.signedOut) return 'signed-out';
  if (!input.browserOnline) return 'offline';
  // The browser's network alone never makes "Online": the sync server may still be out of reach.
  if (input.status?.online) return 'live';
  return input.syncUrlMissing || isUnreachableError(input.status?.error) ? 'unreachable' : 'connecting';
}

export function formatPendingUploads(count: number): string | undefined {
  if (count <= 0) return undefined;
  return `${formatCount(count)} ${count === 1 ? 'change' : 'changes'} waiting to upload`;
}

/** "Last synced HH:MM" in the device's local time, 24-hour. */
export function formatLastSynced(at: Date | undefined): string | undefined {
  if (!at) return undefined;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `Last synced ${two(at.getHours())}:${two(at.getMinutes())}`;
}

export function toSyncStatusView(input: SyncStatusInput): SyncStatusView {
  const state = toConnectionState(input);
  // The first sync's progress only while the server answers: offline, "0 products so far" would stay on screen.
  const downloading = (state === 'connecting' || state === 'live') && input.firstSync ? `${input.firstSync.label}…` : undefined;
  return {
    state,
    // Signed out and offline: signing in has to wait for the network too, so the line says both.
    label: downloading ?? (state === 'signed-out' && !input.browserOnline ? 'Signed out: sign in again once online' : labels[state]),
    pending: formatPendingUploads(input.status?.pendingUploads ?? 0),
    lastSynced: formatLastSynced(input.status?.lastSyncedAt),
  };
}

/** The first sync's progress, as the status line says it; undefined once everything has caught up. */
export interface FirstSyncView {
  readonly label: string;
  /** The catalogue comes first, then the shopper's own data. */
  readonly step: 'catalogue' | 'own';
}

const catalogueNames = new Set(['products', 'categories', 'reviews']);

/** Which steps this device has synced before (a saved last-sync time per database). */
export interface SyncedBefore {
  readonly catalogue?: boolean;
  readonly own?: boolean;
}

/**
 * A step synced before is catching up after a reload, not a first download, and is not counted
 * as one ("0 products so far" with the whole catalogue on screen).
 */
export function toFirstSyncView(progress: readonly PullProgress[], syncedBefore: SyncedBefore = {}): FirstSyncView | undefined {
  const waiting = progress.filter((entry) => !entry.caughtUp);
  if (!syncedBefore.catalogue && waiting.some((entry) => catalogueNames.has(entry.collection))) {
    const products = progress.find((entry) => entry.collection === 'products')?.received ?? 0;
    return { step: 'catalogue', label: `Downloading the catalogue: ${formatCount(products)} ${products === 1 ? 'product' : 'products'} so far` };
  }
  // The shopper's own collections start once the catalogue has caught up: they come next.
  if (!syncedBefore.own && waiting.some((entry) => !catalogueNames.has(entry.collection))) {
    return { step: 'own', label: 'Downloading your cart, orders and profile' };
  }
  return undefined;
}
