/** The online/offline state, visible at all times (role="status" so screen readers hear changes). */
import { useSyncExternalStore } from 'react';
import { browserOnlineSource, toConnectionState, type OnlineSource } from './online-status';

const labels = { offline: 'Offline', connecting: 'Offline: showing the saved catalogue', live: 'Online' } as const;

export function ConnectionIndicator({ streamConnected, source = browserOnlineSource }: { streamConnected: boolean; source?: OnlineSource }) {
  const browserOnline = useSyncExternalStore(source.subscribe, source.isOnline);
  const state = toConnectionState(browserOnline, streamConnected);
  return (
    <p className={`connection connection--${state}`} role="status" data-connection={state}>
      <span className="connection__dot" aria-hidden="true" />
      {labels[state]}
    </p>
  );
}
