/**
 * Indexes the sync queries need beyond the mission's own: every owner field paired with the
 * sequence, so "this shopper's orders changed after checkpoint N" is an index range, not a scan.
 * Both adapters add these in ensureCollections; the sequence column is adapter-specific.
 */
import { accessPolicy, type CollectionName } from '@oa/schema';

export function ownerFieldsOf(collection: CollectionName): string[] {
  const fields = Object.values(accessPolicy[collection].roles)
    .map((access) => access?.owner)
    .filter((field): field is string => field !== undefined && field !== 'id');
  return [...new Set(fields)];
}

export function syncIndexName(collection: CollectionName, field: string): string {
  return `${collection}_sync_${field}`;
}

/** Field names that may be spliced into a database path or index expression. */
export function isSafeFieldName(field: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(field);
}
