import type { SyncStatus } from './create-sync-status';
import { describe, expect, it } from 'vitest';
import { formatLastSynced, formatPendingUploads, toConnectionState, toFirstSyncView, toSyncStatusView } from './sync-status-view';

const status = (overrides: Partial<SyncStatus> = {}): SyncStatus => ({ online: true, pendingUploads: 0, pendingKeys: new Set(), lastSyncedAt: undefined, ...overrides });

describe('the connection state', () => {
  it.each([
    [false, true, 'offline'],
    [false, false, 'offline'],
    [true, true, 'live'],
    [true, false, 'connecting'],
  ] as const)('browser online %s, stream %s: %s', (online, stream, state) => {
    expect(toConnectionState(online, stream)).toBe(state);
  });

  it('shows a second tab online when the leading tab’s stream is connected', () => {
    expect(toSyncStatusView({ browserOnline: true, role: 'follower', status: status({ online: true }) }).label).toBe('Online');
  });

  it('never says online on the browser’s word alone, before any tab has connected', () => {
    expect(toSyncStatusView({ browserOnline: true, role: 'follower', status: undefined }).state).toBe('connecting');
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

  it('shows a follower the counts the leading tab broadcast', () => {
    const view = toSyncStatusView({ browserOnline: true, role: 'follower', status: status({ pendingUploads: 4, lastSyncedAt: new Date(2025, 0, 2, 8, 0) }) });
    expect(view.pending).toBe('4 changes waiting to upload');
    expect(view.lastSynced).toBe('Last synced 08:00');
  });

  it('says the saved catalogue is shown while the server is out of reach', () => {
    expect(toSyncStatusView({ browserOnline: true, role: 'leader', status: status({ online: false }) }).label).toBe('Offline: showing the saved catalogue');
  });
});

describe('the first sync’s progress', () => {
  const entry = (collection: string, received: number, caughtUp: boolean) => ({ collection, received, caughtUp });

  it('counts the products while the catalogue comes down', () => {
    expect(toFirstSyncView([entry('products', 3000, false), entry('categories', 4, true), entry('orders', 0, false)])).toEqual({
      step: 'catalogue',
      label: 'Downloading the catalogue: 3,000 products so far',
    });
  });

  it('says the shopper’s own data comes next', () => {
    expect(toFirstSyncView([entry('products', 10, true), entry('orders', 0, false)])?.step).toBe('own');
  });

  it('says nothing once everything has caught up', () => {
    expect(toFirstSyncView([entry('products', 10, true), entry('orders', 2, true)])).toBeUndefined();
    expect(toFirstSyncView([])).toBeUndefined();
  });
});
