/**
 * Filters (field = value conjunctions) as SQL over the JSON document column. Comparisons are
 * typed the way `matchesFilter` is: json_extract alone would make true equal 1, so booleans and
 * numbers also test json_type. The json_extract term comes first so expression indexes serve it.
 */
import type { Filter, FilterValue } from '@oa/schema';
import { StorageError } from '../errors';
import { isSafeFieldName } from '../sync-indexes';

/**
 * A field name to splice into SQL text (index expressions must match query text exactly), so
 * only plain identifiers are allowed; values always go through parameters.
 */
function plainField(field: string): string {
  if (!isSafeFieldName(field)) throw new StorageError('INVALID_REQUEST', `not a plain field name: ${JSON.stringify(field)}`);
  return field;
}

export function jsonPath(field: string): string {
  return `json_extract(doc, '$.${plainField(field)}')`;
}

export function jsonType(field: string): string {
  return `json_type(doc, '$.${plainField(field)}')`;
}

export interface SqlCondition {
  readonly sql: string;
  readonly params: unknown[];
}

function condition(field: string, value: FilterValue): SqlCondition {
  const path = jsonPath(field);
  if (typeof value === 'boolean') {
    return { sql: `${path} = ${value ? 1 : 0} AND ${jsonType(field)} = '${value}'`, params: [] };
  }
  if (typeof value === 'number') {
    return { sql: `${path} = ? AND ${jsonType(field)} IN ('integer', 'real')`, params: [value] };
  }
  return { sql: `${path} = ?`, params: [value] };
}

/** `1` for an empty filter, so it can always be ANDed in. */
export function toSqlCondition(filter: Filter | undefined): SqlCondition {
  const entries = Object.entries(filter ?? {});
  if (entries.length === 0) return { sql: '1', params: [] };
  const parts = entries.map(([field, value]) => condition(field, value));
  return { sql: parts.map((p) => `(${p.sql})`).join(' AND '), params: parts.flatMap((p) => p.params) };
}

/** `doc` without the given top-level fields, computed by SQLite so they never reach Node. */
export function projectDoc(omit: readonly string[] | undefined): string {
  if (!omit || omit.length === 0) return 'doc';
  const paths = omit.map((field) => `'$.${plainField(field)}'`);
  return `json_remove(doc, ${paths.join(', ')})`;
}

/** The soft-delete flag's JSON type ('true', 'false'; NULL when missing), as indexes spell it. */
export const liveFlag = jsonType('_deleted');
export const isLive = `${liveFlag} = 'false'`;
