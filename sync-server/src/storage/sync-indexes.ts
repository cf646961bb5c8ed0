/**
 * Indexes the sync queries need beyond the mission's own: every owner field paired with the
 * sequence, so "this shopper's orders changed after checkpoint N" is an index range, not a scan;
 * and every whole-collection visibility filter (the catalogue's `isActive: true`) with the live
 * flag and the sequence, so a first sync walks only what it sends instead of reading each
 * document to test it. Both adapters add these in ensureCollections; the sequence column is
 * adapter-specific.
 */
import { accessPolicy, type CollectionName } from '@oa/schema';

export function ownerFieldsOf(collection: CollectionName): string[] {
  const fields = Object.values(accessPolicy[collection].roles)
    .map((access) => access?.owner)
    .filter((field): field is string => field !== undefined && field !== 'id');
  return [...new Set(fields)];
}

/**
 * The fields of each distinct visibility filter of the roles that read a whole collection (no
 * owner scope). An index needs only the fields: the filter's values are what a query asks of it.
 */
export function visibleFieldsOf(collection: CollectionName): string[][] {
  const lists = Object.values(accessPolicy[collection].roles)
    .filter((access) => access?.owner === undefined)
    .map((access) => Object.keys(access?.read?.visible ?? {}))
    .filter((fields) => fields.length > 0);
  return [...new Map(lists.map((fields) => [fields.join(','), fields])).values()];
}

export function visibleIndexName(collection: CollectionName, fields: readonly string[]): string {
  return `${collection}_sync_visible_${fields.join('_')}`;
}

export function syncIndexName(collection: CollectionName, field: string): string {
  return `${collection}_sync_${field}`;
}

/** Field names that may be spliced into a database path or index expression. */
export function isSafeFieldName(field: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(field);
}
