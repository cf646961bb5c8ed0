import type { SyncStatus } from '@oa/client-sync';
import { describe, expect, it } from 'vitest';
import { formatLastSynced, formatPendingUploads, toConnectionState, toSyncStatusView } from './sync-status.logic';

const status = (overrides: Partial<SyncStatus> = {}): SyncStatus => ({ online: true, pendingUploads: 0, lastSyncedAt: undefined, ...overrides });

describe('the connection state', () => {
  it.each([
    [false, 'leader', true, 'offline'],
    [false, 'follower', false, 'offline'],
    [false, 'none', false, 'offline'],
    [true, 'leader', true, 'live'],
    [true, 'leader', false, 'connecting'],
    [true, 'none', false, 'connecting'],
    [true, 'follower', false, 'live'],
  ] as const)('browser online %s, tab %s, stream %s: %s', (online, role, stream, state) => {
    expect(toConnectionState(online, role, stream)).toBe(state);
  });

  it('does not call a second tab offline because the first tab holds the stream', () => {
    expect(toSyncStatusView({ browserOnline: true, role: 'follower', status: status({ online: false }) }).label).toBe('Online');
  });
});

describe('the sync status labels', () => {
  it.each([
    [0, undefined],
    [1, '1 change waiting to upload'],
    [3, '3 changes waiting to upload'],
    [1200, '1,200 changes waiting to upload'],
  ])('counts %i waiting changes as %s', (count, label) => {
    expect(formatPendingUploads(count)).toBe(label);
  });

  it('says when it last synced as 24-hour local time', () => {
    expect(formatLastSynced(new Date(2025, 0, 2, 9, 5))).toBe('Last synced 09:05');
    expect(formatLastSynced(new Date(2025, 0, 2, 23, 59, 59))).toBe('Last synced 23:59');
    expect(formatLastSynced(undefined)).toBeUndefined();
  });

  it('shows waiting changes while offline, with the last sync', () => {
    const view = toSyncStatusView({ browserOnline: false, role: 'leader', status: status({ online: false, pendingUploads: 2, lastSyncedAt: new Date(2025, 0, 2, 14, 30) }) });
    expect(view).toEqual({ state: 'offline', label: 'Offline', pending: '2 changes waiting to upload', lastSynced: 'Last synced 14:30' });
  });

  it('leaves out counts a follower tab cannot know', () => {
    const view = toSyncStatusView({ browserOnline: true, role: 'follower', status: status({ pendingUploads: 4, lastSyncedAt: new Date() }) });
    expect(view.pending).toBeUndefined();
    expect(view.lastSynced).toBeUndefined();
  });

  it('says the saved catalogue is shown while the server is out of reach', () => {
    expect(toSyncStatusView({ browserOnline: true, role: 'leader', status: status({ online: false }) }).label).toBe('Offline: showing the saved catalogue');
  });
});
