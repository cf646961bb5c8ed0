/**
 * "My devices" as pure rules: the shopper's live sessions, this device first, then the most
 * recently used, each with a readable name and when it was last used. Ended or expired sessions
 * are left out. No React, no RxDB.
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
      name: session.deviceName.trim() || 'Unknown device',
      lastUsed: formatIndiaDateTime(session.lastUsedAt),
      current: session.id === currentId,
    }));
}
