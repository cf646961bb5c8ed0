/**
 * The header's sync status, visible at all times, on one line: what is true now (offline, can't
 * reach the shop, signed out, update needed, connecting or the first download, online), changes
 * waiting to upload, last synced (role="status" so screen readers hear changes). The words come
 * from status/sync-status-view.ts; this only reads the browser's network and renders them.
 */
import type { SyncStatus } from '../status/create-sync-status';
import { useSyncExternalStore } from 'react';
import { browserOnlineSource, type OnlineSource } from '../browser/online-source';
import { toSyncStatusView, type FirstSyncView, type ReplicationRole } from '../status/sync-status-view';

export interface SyncStatusIndicatorProps {
  readonly role: ReplicationRole;
  readonly status: SyncStatus | undefined;
  /** The server refused to refresh the session: say so, not "Offline". */
  readonly signedOut?: boolean;
  /** The server no longer serves this build: say so, not "Offline". */
  readonly outdated?: boolean;
  /** This page could not learn where the sync server is: say it cannot reach it. */
  readonly syncUrlMissing?: boolean;
  /** A first download under way (toFirstSyncView): said in this same line, never beside it. */
  readonly firstSync?: FirstSyncView | undefined;
  readonly source?: OnlineSource;
}

export function SyncStatusIndicator({ role, status, signedOut, outdated, syncUrlMissing, firstSync, source = browserOnlineSource }: SyncStatusIndicatorProps) {
  const browserOnline = useSyncExternalStore(source.subscribe, source.isOnline);
  const view = toSyncStatusView({ browserOnline, role, status, signedOut, outdated, syncUrlMissing, firstSync });
  return (
    <div className={`connection connection--${view.state}`} role="status" data-connection={view.state} data-replication={role}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{view.label}</span>
      {view.pending ? <span className="connection__pending" data-testid="pending-uploads">{view.pending}</span> : null}
      {view.lastSynced ? <span className="connection__synced">{view.lastSynced}</span> : null}
    </div>
  );
}
