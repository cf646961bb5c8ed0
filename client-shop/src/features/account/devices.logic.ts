/**
 * "My devices" as pure rules: the shopper's live sessions, this device first, then the most
 * recently used, each with a readable name ("Chrome on Android", from the browser's user-agent the
 * server recorded) and when it was last used. Ended or expired sessions are left out. No React, no RxDB.
 */
import { formatIndiaDateTime } from '@oa/client-sync';
import type { Session } from '@oa/schema';

export type DeviceSession = Pick<Session, 'id' | 'deviceName' | 'lastUsedAt' | 'expiresAt'> & Partial<Pick<Session, '_deleted' | 'revokedAt'>>;

export interface DeviceView {
  readonly id: string;
  readonly name: string;
  readonly lastUsed: string;
  readonly current: boolean;
}

export function toDeviceViews(sessions: readonly DeviceSession[], currentId: string | undefined, now: Date): DeviceView[] {
  return sessions
    .filter((session) => session._deleted !== true && !session.revokedAt && Date.parse(session.expiresAt) > now.getTime())
    .sort((a, b) => Number(b.id === currentId) - Number(a.id === currentId) || b.lastUsedAt.localeCompare(a.lastUsedAt))
    .map((session) => ({
      id: session.id,
      name: describeDevice(session.deviceName),
      lastUsed: formatIndiaDateTime(session.lastUsedAt),
      current: session.id === currentId,
    }));
}

/** Browsers by the token that names them, in the order to test them (Edge and Opera also say "Chrome"). */
const browsers: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const systems: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bAndroid\b/, 'Android'],
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMacintosh\b|\bMac OS X\b/, 'Mac'],
  [/\bLinux\b/, 'Linux'],
];

/**
 * A device as a shopper recognises it: "Chrome on Android", from the user-agent the server kept.
 * A name that is not a user-agent (an app's own) is shown as it is; an empty one as "Unknown device".
 */
export function describeDevice(deviceName: string): string {
  const name = deviceName.trim();
  if (!name) return 'Unknown device';
  if (!/^Mozilla\/|\(.*\)/.test(name)) return name;
  const browser = browsers.find(([pattern]) => pattern.test(name))?.[1];
  const system = systems.find(([pattern]) => pattern.test(name))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? (system ? `A browser on ${system}` : 'Unknown device');
}
