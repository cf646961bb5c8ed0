/**
 * The status the header shows. The leading tab derives it from its replication (client-sync's
 * createSyncStatus, with the waiting-upload keys kept in localStorage per shopper so the count
 * survives a reload) and broadcasts it; the other tabs, which hold no replication, show that.
 */
import { createSyncStatus, type CollectionsReplication, type PendingPersistence, type SyncStatus } from '@oa/client-sync';
import { useEffect, useMemo, useRef, useState } from 'react';
import { fromSharedStatus, parseSharedStatus, toSharedStatus } from '../features/sync-status/shared-status';
import type { ReplicationRole } from '../features/sync-status/sync-status.logic';
import { useObservable } from './use-observable';

const channelName = 'oa-shop-sync-status';

function localPersistence(key: string): PendingPersistence {
  return {
    load: () => {
      const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string') : [];
    },
    save: (keys) => (keys.length === 0 ? localStorage.removeItem(key) : localStorage.setItem(key, JSON.stringify(keys))),
  };
}

export function useSyncStatus(replication: CollectionsReplication | undefined, owner: string | undefined): { role: ReplicationRole; status: SyncStatus | undefined } {
  const status$ = useMemo(
    () =>
      replication &&
      createSyncStatus({
        replications: Object.values(replication.states),
        failures$: replication.failures$,
        // The stream's connection only; the browser's network is combined in sync-status.logic.
        online$: replication.streamConnected$,
        persistence: localPersistence(`oa-shop-pending:${owner ?? 'visitor'}`),
      }),
    [replication, owner],
  );
  const own = useObservable<SyncStatus | undefined>(status$, undefined);
  const [shared, setShared] = useState<SyncStatus | undefined>();
  const latest = useRef<SyncStatus | undefined>(undefined);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName);
    if (replication) {
      // Leading: answer every newcomer, and say so when this tab goes away.
      const onMessage = (event: MessageEvent) => {
        if (parseSharedStatus(event.data)?.kind === 'ask' && latest.current) channel.postMessage(toSharedStatus(latest.current));
      };
      const onHide = () => channel.postMessage({ kind: 'gone' });
      channel.addEventListener('message', onMessage);
      window.addEventListener('pagehide', onHide);
      return () => {
        window.removeEventListener('pagehide', onHide);
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
  }, [replication]);

  // The leader tells the others each change of its status.
  useEffect(() => {
    latest.current = own;
    if (!replication || !own || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(channelName);
    channel.postMessage(toSharedStatus(own));
    channel.close();
  }, [own, replication]);

  return replication ? { role: 'leader', status: own } : { role: 'follower', status: shared };
}
