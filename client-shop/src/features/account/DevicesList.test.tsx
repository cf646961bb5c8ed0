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
    expect(screen.queryByRole('button', { name: 'Sign out Chrome on Android' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out Firefox on Linux' }));
    expect(onSignOutDevice).toHaveBeenCalledWith('s2');
  });
});
