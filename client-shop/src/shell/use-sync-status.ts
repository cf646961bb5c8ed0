/**
 * The status of the replication the header shows, from client-sync's createSyncStatus, and this
 * tab's part in it: 'leader' once RxDB elects this tab to replicate, 'follower' until then (or
 * for good, while another tab leads), 'none' without a replication.
 */
import { createSyncStatus, type CollectionsReplication, type SyncDatabase, type SyncStatus } from '@oa/client-sync';
import { useEffect, useMemo, useState } from 'react';
import type { ReplicationRole } from '../features/sync-status/sync-status.logic';
import { useObservable } from './use-observable';

export function useSyncStatus(database: SyncDatabase | undefined, replication: CollectionsReplication | undefined): { role: ReplicationRole; status: SyncStatus | undefined } {
  const [leading, setLeading] = useState(false);
  useEffect(() => {
    setLeading(false);
    if (!database || !replication) return;
    let cancelled = false;
    // The replications wait for this same election (waitForLeadership), so leading here means
    // this tab replicates and holds the stream.
    void database.waitForLeadership().then(() => !cancelled && setLeading(true));
    return () => {
      cancelled = true;
    };
  }, [database, replication]);
  const status$ = useMemo(
    () =>
      replication &&
      createSyncStatus({
        replications: Object.values(replication.states),
        failures$: replication.failures$,
        // The stream's connection only; the browser's network is combined in sync-status.logic,
        // where a follower tab (no stream of its own) is told apart.
        online$: replication.streamConnected$,
      }),
    [replication],
  );
  const status = useObservable<SyncStatus | undefined>(status$, undefined);
  const role: ReplicationRole = !replication ? 'none' : leading ? 'leader' : 'follower';
  return { role, status: replication ? status : undefined };
}
