/**
 * The header's sync status, visible at all times: online or offline, changes waiting to upload,
 * last synced (role="status" so screen readers hear changes). The words come from sync-status.logic.
 */
import type { SyncStatus } from '../status/create-sync-status';
import { useSyncExternalStore } from 'react';
import { browserOnlineSource, type OnlineSource } from '../browser/online-source';
import { toSyncStatusView, type ReplicationRole } from '../status/sync-status-view';

export interface SyncStatusIndicatorProps {
  readonly role: ReplicationRole;
  readonly status: SyncStatus | undefined;
  readonly source?: OnlineSource;
}

export function SyncStatusIndicator({ role, status, source = browserOnlineSource }: SyncStatusIndicatorProps) {
  const browserOnline = useSyncExternalStore(source.subscribe, source.isOnline);
  const view = toSyncStatusView({ browserOnline, role, status });
  return (
    <div className={`connection connection--${view.state}`} role="status" data-connection={view.state} data-replication={role}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{view.label}</span>
      {view.pending ? <span className="connection__pending" data-testid="pending-uploads">{view.pending}</span> : null}
      {view.lastSynced ? <span className="connection__synced">{view.lastSynced}</span> : null}
    </div>
  );
}
