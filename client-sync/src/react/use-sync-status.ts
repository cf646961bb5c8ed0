/**
 * The status an app's header shows. The leading tab derives it from its replication
 * (createSyncStatus, with the waiting-upload keys kept in localStorage per person so the count
 * survives a reload) and broadcasts it on the app's channel; the other tabs, which hold no
 * replication, show that.
 */
import { useEffect, useMemo, useState } from 'react';
import { localPendingPersistence } from '../browser/local-pending-persistence';
import type { CollectionsReplication } from '../replication/replicate-collections';
import { createSyncStatus, type SyncStatus } from '../status/create-sync-status';
import { fromSharedStatus, parseSharedStatus, toSharedStatus } from '../status/shared-status';
import type { ReplicationRole } from '../status/sync-status-view';
import { useObservable } from './use-observable';

export interface SyncStatusChannel {
  /** The BroadcastChannel the app's tabs share the leader's status on. */
  readonly channel: string;
  /** The localStorage key of the waiting uploads: one per app and person. */
  readonly pendingKey: string;
}

export function useSyncStatus(replication: CollectionsReplication | undefined, { channel: channelName, pendingKey }: SyncStatusChannel): { role: ReplicationRole; status: SyncStatus | undefined } {
  const status$ = useMemo(
    () =>
      replication &&
      createSyncStatus({
        replications: Object.values(replication.states),
        failures$: replication.failures$,
        // The stream's connection only; the browser's network is combined in sync-status.logic.
        online$: replication.streamConnected$,
        persistence: localPendingPersistence(pendingKey),
      }),
    [replication, pendingKey],
  );
  const own = useObservable<SyncStatus | undefined>(status$, undefined);
  const [shared, setShared] = useState<SyncStatus | undefined>();

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName);
    if (status$) {
      // Leading: tell the other tabs every change, answer newcomers, and say so when this tab goes away.
      let latest: SyncStatus | undefined;
      const subscription = status$.subscribe((status) => {
        latest = status;
        channel.postMessage(toSharedStatus(status));
      });
      channel.addEventListener('message', (event) => {
        if (parseSharedStatus(event.data)?.kind === 'ask' && latest) channel.postMessage(toSharedStatus(latest));
      });
      const onHide = () => channel.postMessage({ kind: 'gone' });
      window.addEventListener('pagehide', onHide);
      return () => {
        window.removeEventListener('pagehide', onHide);
        subscription.unsubscribe();
        channel.close();
      };
    }
    channel.addEventListener('message', (event) => {
      const message = parseSharedStatus(event.data);
      if (message?.kind === 'status') setShared(fromSharedStatus(message));
      if (message?.kind === 'gone') setShared(undefined);
    });
    channel.postMessage({ kind: 'ask' });
    return () => channel.close();
  }, [status$, channelName]);

  return replication ? { role: 'leader', status: own } : { role: 'follower', status: shared };
}
