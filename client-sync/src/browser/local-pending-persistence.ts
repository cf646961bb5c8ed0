/** The waiting-upload keys kept in localStorage under one key, for createSyncStatus's count across reloads. */
import type { PendingPersistence } from '../status/create-sync-status';

export function localPendingPersistence(key: string): PendingPersistence {
  return {
    load: () => {
      const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string') : [];
    },
    save: (keys) => (keys.length === 0 ? localStorage.removeItem(key) : localStorage.setItem(key, JSON.stringify(keys))),
  };
}
