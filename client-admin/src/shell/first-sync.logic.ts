/**
 * What the admin's status line says during a first download: orders come first (what the owner
 * opened the app for), then the catalogue, reviews and people. A device that has synced this
 * admin's data before is catching up after a reload, not downloading (nothing is claimed offline
 * with everything on screen). The words for client-sync's status line (FirstSyncView).
 */
import { formatCount, type FirstSyncView, type PullProgress } from '@oa/client-sync';

export function toAdminFirstSyncView(progress: readonly PullProgress[], syncedBefore: boolean): FirstSyncView | undefined {
  if (syncedBefore) return undefined;
  const orders = progress.find((entry) => entry.collection === 'orders');
  if (orders && !orders.caughtUp) {
    return { step: 'catalogue', label: `Downloading orders: ${formatCount(orders.received)} so far` };
  }
  if (progress.some((entry) => !entry.caughtUp)) return { step: 'own', label: 'Downloading the catalogue, reviews and people' };
  return undefined;
}

/** Where this device keeps the admin's last sync time (client-sync's localLastSynced). */
export const adminSyncedKey = (adminId: string): string => `oa-admin-last-synced:${adminId}`;
