// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach } from 'vitest';
import { SyncStatusIndicator } from './SyncStatusIndicator';

function fakeNetwork(online: boolean) {
  const listeners = new Set<() => void>();
  return {
    source: { isOnline: () => online, subscribe: (listener: () => void) => (listeners.add(listener), () => listeners.delete(listener)) },
    set(next: boolean) {
      online = next;
      listeners.forEach((listener) => listener());
    },
  };
}

afterEach(() => cleanup());

describe('the sync status indicator', () => {
  it('shows online, the changes waiting and the last sync, and follows the network', () => {
    const network = fakeNetwork(true);
    const status = { online: true, pendingUploads: 2, pendingKeys: new Set(['a', 'b']), lastSyncedAt: new Date(2026, 0, 1, 9, 5) };
    render(<SyncStatusIndicator role="leader" status={status} source={network.source} />);
    const indicator = screen.getByRole('status');
    expect(indicator.getAttribute('data-connection')).toBe('live');
    expect(indicator.textContent).toBe('Online2 changes waiting to uploadLast synced 09:05');
    act(() => network.set(false));
    expect(indicator.getAttribute('data-connection')).toBe('offline');
    expect(screen.getByText('Offline')).toBeTruthy();
  });

  it('says the device was signed out rather than offline, and the first download in the same line', () => {
    const network = fakeNetwork(false);
    const status = { online: false, pendingUploads: 1, pendingKeys: new Set(['a']), lastSyncedAt: undefined };
    const { rerender } = render(<SyncStatusIndicator role="none" status={status} signedOut source={network.source} />);
    const indicator = screen.getByRole('status');
    expect(indicator.getAttribute('data-connection')).toBe('signed-out');
    expect(indicator.textContent).toBe('Signed out: sign in again once online1 change waiting to upload');
    act(() => network.set(true));
    rerender(<SyncStatusIndicator role="none" status={status} signedOut source={network.source} />);
    expect(indicator.textContent).toBe('Signed out: sign in to sync1 change waiting to upload');
    rerender(<SyncStatusIndicator role="leader" status={status} firstSync={{ step: 'catalogue', label: 'Downloading the catalogue: 5 products so far' }} source={network.source} />);
    expect(indicator.textContent).toBe('Downloading the catalogue: 5 products so far…1 change waiting to upload');
  });
});
