/**
 * A filter is a conjunction of field = value tests. It is the whole query language the policy
 * needs (isActive, isDeleted, isApproved, owner = caller), small enough that each storage adapter
 * runs it in its database and `matchesFilter` runs it in memory with the same meaning: a missing
 * field matches nothing, and values compare by type (true is not 1, "5" is not 5).
 */
export type FilterValue = string | number | boolean;
export type Filter = Readonly<Record<string, FilterValue>>;

export function matchesFilter(doc: Readonly<Record<string, unknown>>, filter: Filter): boolean {
  return Object.entries(filter).every(([field, value]) => doc[field] === value);
}

export function isEmptyFilter(filter: Filter): boolean {
  return Object.keys(filter).length === 0;
}
