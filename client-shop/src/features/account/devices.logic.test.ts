import { describe, expect, it } from 'vitest';
import { describeDevice, toDeviceViews } from './devices.logic';

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

describe('describeDevice', () => {
  it.each([
    ['Mozilla/5.0 (Linux; Android 13; SM-A146B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome on Android'],
    ['Mozilla/5.0 (Linux; Android 13; SM-A146B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36', 'Samsung Internet on Android'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari on iPhone'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1', 'Chrome on iPhone'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge on Windows'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox on Linux'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 'Safari on Mac'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', 'A browser on Linux'],
    ['Mozilla/5.0 (compatible; unknown)', 'Unknown device'],
    ['Lakshmi’s phone', 'Lakshmi’s phone'],
    ['   ', 'Unknown device'],
  ])('reads %s as %s', (userAgent, expected) => {
    expect(describeDevice(userAgent)).toBe(expected);
  });
});
