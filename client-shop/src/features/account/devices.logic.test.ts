import { describe, expect, it } from 'vitest';
import { toDeviceViews } from './devices.logic';

const now = new Date('2026-06-01T12:00:00.000Z');
const session = (id: string, lastUsedAt: string, fields: Record<string, unknown> = {}) => ({
  id,
  deviceName: `Device ${id}`,
  lastUsedAt,
  expiresAt: '2026-07-01T00:00:00.000Z',
  ...fields,
});

describe('my devices', () => {
  it('lists this device first, then the most recently used', () => {
    const views = toDeviceViews(
      [session('old', '2026-05-01T00:00:00.000Z'), session('here', '2026-04-01T00:00:00.000Z'), session('recent', '2026-05-30T00:00:00.000Z')],
      'here',
      now,
    );
    expect(views.map((view) => [view.id, view.current])).toEqual([['here', true], ['recent', false], ['old', false]]);
  });

  it('leaves out ended, revoked and expired sessions', () => {
    const views = toDeviceViews(
      [
        session('ended', '2026-05-01T00:00:00.000Z', { _deleted: true }),
        session('revoked', '2026-05-01T00:00:00.000Z', { revokedAt: '2026-05-02T00:00:00.000Z' }),
        session('expired', '2026-05-01T00:00:00.000Z', { expiresAt: '2026-05-31T00:00:00.000Z' }),
        session('live', '2026-05-01T00:00:00.000Z'),
      ],
      undefined,
      now,
    );
    expect(views.map((view) => view.id)).toEqual(['live']);
  });

  it('names an unnamed device and shows when it was last used, in India’s time', () => {
    const [view] = toDeviceViews([session('x', '2026-05-01T06:30:00.000Z', { deviceName: ' ' })], undefined, now);
    expect(view?.name).toBe('Unknown device');
    expect(view?.lastUsed).toMatch(/1 May 2026.*12:00/);
  });
});
