/**
 * Field precedence when both backends had a product. The admin backend was where the catalogue
 * was managed, so its values win for every catalogue field (name, slug, description, price, mrp,
 * category, images, stock, unit, tags, isActive); the user backend held the reviews, so its
 * rating figures win. Either side fills a field the other lacks. `createdAt` is the earlier of
 * the two, `updatedAt` the later. Pure.
 */
import type { LegacyProductFields } from './read-legacy-product';

type Field = keyof LegacyProductFields;

const userFirst: ReadonlySet<Field> = new Set(['ratingAverage', 'ratingCount']);

export function mergeProductFields(admin: LegacyProductFields | undefined, user: LegacyProductFields | undefined): LegacyProductFields {
  if (!admin || !user) return { ...(admin ?? user) };
  const merged: Record<string, unknown> = {};
  const fields = new Set([...Object.keys(admin), ...Object.keys(user)] as Field[]);
  for (const field of fields) {
    const [first, second] = userFirst.has(field) ? [user, admin] : [admin, user];
    const value = hasValue(first[field]) ? first[field] : second[field];
    if (value !== undefined) merged[field] = value;
  }
  const created = [admin.createdAt, user.createdAt].filter((t): t is string => t !== undefined).sort();
  const updated = [admin.updatedAt, user.updatedAt].filter((t): t is string => t !== undefined).sort();
  if (created.length > 0) merged.createdAt = created[0];
  if (updated.length > 0) merged.updatedAt = updated.at(-1);
  return merged as LegacyProductFields;
}

/** An empty list of images or tags is a gap, not a value: the other side's list fills it. */
function hasValue(value: unknown): boolean {
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}
