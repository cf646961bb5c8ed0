/**
 * A legacy document of a collection the platform keeps as it is (orders, reviews, cart items,
 * wishlists): its `_id` becomes `id` (ObjectId hex), `_deleted` and ISO timestamps are added,
 * the legacy alias pairs are filled by the schema's normaliser. Other fields are kept untouched:
 * nothing of an order is thrown away. Pure.
 */
import { collections, idSchema, type CollectionName } from '@oa/schema';
import type { Problem } from '../../errors';
import type { LegacyRecord } from '../legacy-record';
import { objectIdTime } from './read-legacy-product';


export function toPlatformDocument(
  collection: CollectionName,
  record: LegacyRecord,
  now: string,
): { doc?: Record<string, unknown>; problems: Problem[] } {
  const { _id, __v: _version, created_at, updated_at, ...rest } = record.doc;
  const rawId = _id ?? rest.id;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
  if (id === undefined) return { problems: [{ code: 'MISSING_FIELD', where: record.where, message: 'no _id' }] };
  const where = `${record.where} (_id ${id})`;
  if (!idSchema.safeParse(id).success) return { problems: [{ code: 'INVALID_FIELD', where, message: `_id ${JSON.stringify(id)} cannot be a platform id` }] };
  const createdAt = toInstant(rest.createdAt ?? created_at) ?? objectIdTime(id) ?? now;
  const doc = {
    ...rest,
    id,
    _deleted: rest._deleted === true,
    createdAt,
    updatedAt: toInstant(rest.updatedAt ?? updated_at) ?? createdAt,
  };
  const normalized = collections[collection].normalize(doc, {});
  if (!normalized.ok) return { problems: [{ code: 'ALIAS_CONFLICT', where, message: normalized.error.message }] };
  return { doc: normalized.value, problems: [] };
}

export function toInstant(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}
