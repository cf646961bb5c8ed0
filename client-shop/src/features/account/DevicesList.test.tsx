// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '../../testing/render';
import { DevicesList } from './DevicesList';

describe('devices signed in', () => {
  it('signs out another device, never this one', () => {
    const onSignOutDevice = vi.fn();
    render(
      <DevicesList
        devices={[
          { id: 's1', name: 'Chrome on Android', lastUsed: 'now', current: true },
          { id: 's2', name: 'Firefox on Linux', lastUsed: 'yesterday', current: false },
        ]}
        onSignOutDevice={onSignOutDevice}
      />,
    );
    expect(screen.getByText('(this device)', { exact: false })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Sign out Chrome on Android/ })).toBeNull();
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Sign out']);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out Firefox on Linux, last active yesterday' }));
    expect(onSignOutDevice).toHaveBeenCalledWith('s2');
  });

  it('tells two devices with one name apart by when each was last active', () => {
    render(
      <DevicesList
        devices={[
          { id: 's1', name: 'Chrome on Android', lastUsed: '1 Dec, 10:00 am', current: false },
          { id: 's2', name: 'Chrome on Android', lastUsed: '2 Dec, 9:00 am', current: false },
        ]}
        onSignOutDevice={vi.fn()}
      />,
    );
    const labels = screen.getAllByRole('button').map((button) => button.getAttribute('aria-label'));
    expect(new Set(labels).size).toBe(2);
  });
});
