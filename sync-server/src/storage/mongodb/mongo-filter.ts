/**
 * Filters (field = value conjunctions) as MongoDB queries and aggregation expressions, with the
 * meaning `matchesFilter` gives them: a missing field matches nothing, values compare by type
 * (true is not 1, "5" is not 5) and an array holding the value is not the value.
 * Also the projections that keep `_id` and secret fields inside the database.
 */
import type { Document } from 'mongodb';
import type { Filter, FilterValue } from '@oa/schema';
import { StorageError } from '../errors';
import { isSafeFieldName } from '../sync-indexes';

/** Fields the storage owns in every stored document; no caller filters on or omits them. */
const internalFields = new Set(['_id', '_seq']);

/** A field name that may become a query key or a `$field` path: plain identifiers only. */
export function fieldName(field: string): string {
  // A key starting with `$` would be an operator ({ $where: … }) and a dot a path into
  // sub-documents: both would change what the filter means, so neither gets through.
  if (!isSafeFieldName(field) || internalFields.has(field)) {
    throw new StorageError('INVALID_REQUEST', `not a plain field name: ${JSON.stringify(field)}`);
  }
  return field;
}

function checkValue(field: string, value: unknown): FilterValue {
  if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
  throw new StorageError('INVALID_REQUEST', `filter value for ${field} must be a string, a finite number or a boolean`);
}

function condition(value: FilterValue): Document {
  // $eq of a non-null value already skips documents without the field. MongoDB equality is
  // typed across brackets (true never equals 1), the $type terms say so explicitly and keep it
  // that way for numbers (any numeric BSON type, as JSON has one). `$not: array` because
  // { userId: 'a' } would otherwise match userId: ['a', 'b'], which matchesFilter does not.
  const typed = typeof value === 'boolean' ? { $type: 'bool' } : typeof value === 'number' ? { $type: 'number' } : {};
  return { $eq: value, ...typed, $not: { $type: 'array' } };
}

/** The filter as a query document (for find and $match); `{}` for none. */
export function toMongoQuery(filter: Filter | undefined): Document {
  const query: Document = {};
  for (const [field, value] of Object.entries(filter ?? {})) query[fieldName(field)] = condition(checkValue(field, value));
  return query;
}

/** The filter as an aggregation expression that is true for matching documents. */
export function toMongoExpression(filter: Filter | undefined): Document | boolean {
  const terms = Object.entries(filter ?? {}).map(([field, raw]) => {
    const value = checkValue(field, raw);
    const path = `$${fieldName(field)}`;
    // $literal: a string value starting with `$` must stay a value, not become a field path.
    const equal = { $eq: [path, { $literal: value }] };
    if (typeof value === 'boolean') return { $and: [equal, { $eq: [{ $type: path }, 'bool'] }] };
    if (typeof value === 'number') return { $and: [equal, { $in: [{ $type: path }, ['double', 'int', 'long', 'decimal']] }] };
    return equal;
  });
  return terms.length === 0 ? true : { $and: terms };
}

/** Live documents only (unique indexes and findOne ignore soft-deleted ones). */
export const isLive: Document = toMongoQuery({ _deleted: false });

/** A conjunction of query documents, leaving out empty ones (`{}` for none). */
export function allOf(...queries: Document[]): Document {
  const parts = queries.filter((query) => Object.keys(query).length > 0);
  if (parts.length === 0) return {};
  return parts.length === 1 ? parts[0]! : { $and: parts };
}

/**
 * An exclusion projection dropping `_id` and the omitted fields in the database, so secrets
 * never reach this process. `_seq` stays: it becomes StoredRow.seq (to-row.ts).
 */
export function omitProjection(omit: readonly string[] | undefined): Document {
  const projection: Document = { _id: 0 };
  for (const field of omit ?? []) {
    if (field === '_id' || field === '_seq') continue; // never part of a returned document anyway
    projection[fieldName(field)] = 0;
  }
  return projection;
}
