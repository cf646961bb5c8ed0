/**
 * The status an app's header shows. The leading tab derives it from its replication
 * (createSyncStatus, with the waiting-upload keys and the last in-sync time kept in localStorage
 * so both survive a reload) and broadcasts it on the app's channel; the other tabs, which hold no
 * replication, show that, and what was saved until it arrives (or while nothing replicates).
 */
import { useEffect, useMemo, useState } from 'react';
import { localLastSynced } from '../browser/local-last-synced';
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
  /**
   * The localStorage keys of the last in-sync time, one per database the replication covers, the
   * most specific first (its time is the one shown): the shop's `[shopper's, catalogue's]`.
   */
  readonly lastSyncedKeys?: readonly string[];
}

export function useSyncStatus(
  replication: CollectionsReplication | undefined,
  { channel: channelName, pendingKey, lastSyncedKeys = [] }: SyncStatusChannel,
): { role: ReplicationRole; status: SyncStatus | undefined } {
  const lastSyncedKey = lastSyncedKeys.join('\n'); // a stable dependency for a list made on every render
  const status$ = useMemo(
    () =>
      replication &&
      createSyncStatus({
        replications: Object.values(replication.states),
        failures$: replication.failures$,
        // The stream's connection only; the browser's network is combined in sync-status.logic.
        online$: replication.streamConnected$,
        persistence: localPendingPersistence(pendingKey),
        ...(lastSyncedKey ? { lastSynced: localLastSynced(lastSyncedKey.split('\n')) } : {}),
      }),
    [replication, pendingKey, lastSyncedKey],
  );
  // Until a status arrives (the first half-second, a follower waiting for the leader, or a device
  // signed out that replicates nothing): what this device saved, never a blank "Last synced".
  const saved = useMemo((): SyncStatus => {
    const pendingKeys = new Set(safely(() => localPendingPersistence(pendingKey).load(), []));
    const lastSyncedAt = lastSyncedKey ? localLastSynced(lastSyncedKey.split('\n')).load() : undefined;
    return { online: false, pendingUploads: pendingKeys.size, pendingKeys, lastSyncedAt };
  }, [pendingKey, lastSyncedKey, replication]);
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

  return replication ? { role: 'leader', status: own ?? saved } : { role: 'follower', status: shared ?? saved };
}

function safely<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback; // storage refused or garbled
  }
}
