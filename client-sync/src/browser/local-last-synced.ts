/**
 * The last in-sync time kept in localStorage, one key per database a replication covers (the
 * shop's catalogue, a shopper's own): "Last synced" survives a reload, offline too, and a first
 * download is told from catching up. Reading a missing or garbled key gives undefined.
 */
import type { LastSyncedPersistence } from '../status/create-sync-status';

export function readLastSynced(key: string): Date | undefined {
  try {
    const raw = localStorage.getItem(key);
    const at = raw === null ? Number.NaN : Date.parse(raw);
    return Number.isNaN(at) ? undefined : new Date(at);
  } catch {
    return undefined; // storage refused (private mode)
  }
}

/** Loads the first key (the most specific: the whole replication's), saves to every one. */
export function localLastSynced(keys: readonly string[]): LastSyncedPersistence {
  return {
    load: () => (keys[0] === undefined ? undefined : readLastSynced(keys[0])),
    save: (at) => keys.forEach((key) => localStorage.setItem(key, at.toISOString())),
  };
}
