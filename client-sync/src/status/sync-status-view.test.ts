import type { SyncStatus } from './create-sync-status';
import { describe, expect, it } from 'vitest';
import { formatLastSynced, formatPendingUploads, isUnreachableError, toFirstSyncView, toSyncStatusView, type SyncStatusInput } from './sync-status-view';

const status = (overrides: Partial<SyncStatus> = {}): SyncStatus => ({ online: true, pendingUploads: 0, pendingKeys: new Set(), lastSyncedAt: undefined, ...overrides });
const noAnswer = { code: 'NETWORK_ERROR', message: 'Failed to fetch', httpStatus: 0 };
const downloading = { step: 'catalogue', label: 'Downloading the catalogue: 40 products so far' } as const;
const at = new Date(2025, 0, 2, 14, 30);

describe('the status line says what is true', () => {
  const facts = (overrides: Partial<SyncStatusInput>): SyncStatusInput => ({ browserOnline: true, role: 'leader', status: status(), ...overrides });

  it.each<[string, Partial<SyncStatusInput>, string, string]>([
    ['the stream is connected', {}, 'live', 'Online'],
    ['a second tab, with the leading tab’s stream connected', { role: 'follower' }, 'live', 'Online'],
    ['the first half-second of a first visit: nothing has answered yet, nothing failed', { role: 'follower', status: undefined }, 'connecting', 'Connecting…'],
    ['online, no stream yet, no failure', { status: status({ online: false }) }, 'connecting', 'Connecting…'],
    ['the browser says offline', { browserOnline: false, status: status({ online: false }) }, 'offline', 'Offline'],
    ['online, but the sync server does not answer', { status: status({ online: false, error: noAnswer }) }, 'unreachable', 'Can’t reach the shop'],
    ['online, a proxy answers 502', { status: status({ online: false, error: { code: 'HTTP_ERROR', message: 'HTTP 502', httpStatus: 502 } }) }, 'unreachable', 'Can’t reach the shop'],
    ['online, the server answers 503 with its own code', { status: status({ online: false, error: { code: 'UNAVAILABLE', message: 'x', httpStatus: 503 } }) }, 'unreachable', 'Can’t reach the shop'],
    ['online, the server refused a request (it answered)', { status: status({ online: false, error: { code: 'TOO_MANY_REQUESTS', message: 'x', httpStatus: 429 } }) }, 'connecting', 'Connecting…'],
    ['online, but the page could not load where the sync server is', { role: 'follower', status: undefined, syncUrlMissing: true }, 'unreachable', 'Can’t reach the shop'],
    ['offline, and the config not loaded either', { browserOnline: false, syncUrlMissing: true }, 'offline', 'Offline'],
    ['signed out on another device, even offline', { browserOnline: false, signedOut: true, status: status({ online: false }) }, 'signed-out', 'Signed out: sign in again once online'],
    ['signed out, the server out of reach too', { signedOut: true, status: status({ online: false, error: noAnswer }) }, 'signed-out', 'Signed out: sign in to sync'],
    ['an outdated build, even signed out and offline', { browserOnline: false, signedOut: true, outdated: true }, 'outdated', 'Update needed to sync'],
    ['the first download, before the stream opens', { status: status({ online: false }), firstSync: downloading }, 'connecting', 'Downloading the catalogue: 40 products so far…'],
    ['the first download of the shopper’s data, the stream open', { firstSync: { step: 'own', label: 'Downloading your cart, orders and profile' } }, 'live', 'Downloading your cart, orders and profile…'],
    ['a first download cut off by the network: not "0 products so far"', { browserOnline: false, status: status({ online: false }), firstSync: downloading }, 'offline', 'Offline'],
    ['a first download, the server gone', { status: status({ online: false, error: noAnswer }), firstSync: downloading }, 'unreachable', 'Can’t reach the shop'],
  ])('%s', (_, overrides, state, label) => {
    const view = toSyncStatusView(facts(overrides));
    expect([view.state, view.label]).toEqual([state, label]);
  });

  it('keeps the waiting changes and the last sync beside every state', () => {
    const saved = status({ online: false, pendingUploads: 2, lastSyncedAt: at });
    for (const overrides of [{ browserOnline: false }, { signedOut: true }, { outdated: true }, {}] as const) {
      const view = toSyncStatusView(facts({ status: saved, ...overrides }));
      expect([view.pending, view.lastSynced]).toEqual(['2 changes waiting to upload', 'Last synced 14:30']);
    }
  });
});

describe('which failures mean the shop is out of reach', () => {
  it.each([
    [undefined, false],
    [noAnswer, true],
    [{ code: 'HTTP_ERROR', message: '', httpStatus: 404 }, true],
    [{ code: 'INTERNAL', message: '', httpStatus: 500 }, true],
    [{ code: 'SESSION_ENDED', message: '', httpStatus: 401 }, false],
    [{ code: 'FORBIDDEN', message: '', httpStatus: 403 }, false],
    [{ code: 'UNKNOWN', message: 'a bug' }, false],
  ])('%j: %s', (error, unreachable) => {
    expect(isUnreachableError(error)).toBe(unreachable);
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

  it('does not count catching up after a reload as a first download', () => {
    const reloaded = [entry('products', 0, false), entry('orders', 0, false)];
    expect(toFirstSyncView(reloaded, { catalogue: true, own: true })).toBeUndefined();
  });

  it('downloads only the shopper’s data when they first sign in on a device that has the catalogue', () => {
    expect(toFirstSyncView([entry('products', 0, false), entry('orders', 0, false)], { catalogue: true })?.step).toBe('own');
  });
});
