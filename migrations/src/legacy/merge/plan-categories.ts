/**
 * Categories for the merged products. Legacy categories are imported under their ObjectId; a
 * product's category (a legacy id, or a name) is resolved against them and the categories the
 * platform already has, by id, then by name (case and spacing aside), then by slug. A name that
 * matches none becomes a new category (reported), so no product is refused for naming an aisle
 * that was never written down; an unknown legacy *id* is a problem (its name cannot be guessed).
 * Pure.
 */
import { validateDocument, type CategoryRef } from '@oa/schema';
import type { Problem } from '../../errors';
import type { LegacyRecord } from '../legacy-record';
import { assignSlugs } from './assign-slugs';
import { objectIdTime } from './read-legacy-product';
import { toInstant } from './to-platform-document';
import { toSlug } from './to-slug';

export interface KnownCategory extends CategoryRef {
  readonly slug: string;
}

export const uncategorised = 'Uncategorised';

export interface CategoryPlan {
  /** Legacy categories converted, and the ones created for unknown names: to be written. */
  readonly documents: Record<string, unknown>[];
  readonly created: string[];
  /** Resolves a product's category value (undefined: none given) to a category, or a problem message. */
  resolve(value: string | undefined): KnownCategory | { readonly problem: string };
}

export function planCategories(
  legacy: readonly LegacyRecord[],
  existing: readonly KnownCategory[],
  wanted: ReadonlyArray<string | undefined>,
  now: string,
  problems: Problem[],
): CategoryPlan {
  const imported: Array<{ id: string; name: string; doc: Record<string, unknown> }> = [];
  legacy.forEach((record, index) => {
    const { doc } = record;
    const id = typeof doc._id === 'string' ? doc._id : undefined;
    const where = id ? `${record.where} (_id ${id})` : record.where;
    const name = typeof doc.name === 'string' ? doc.name.trim() : '';
    if (!id) return void problems.push({ code: 'MISSING_FIELD', where, message: 'no _id' });
    if (!name) return void problems.push({ code: 'MISSING_FIELD', where, message: 'a category needs a name' });
    const image = doc.imageUrl ?? doc.image;
    const createdAt = toInstant(doc.createdAt) ?? objectIdTime(id) ?? now;
    imported.push({
      id,
      name,
      doc: {
        id,
        _deleted: false,
        createdAt,
        updatedAt: toInstant(doc.updatedAt) ?? createdAt,
        name,
        ...(typeof doc.description === 'string' ? { description: doc.description } : {}),
        ...(typeof image === 'string' && /^(?:https?:\/\/\S+|\/\S*)$/.test(image) ? { imageUrl: image } : {}),
        sortOrder: Number.isInteger(doc.sortOrder) ? (doc.sortOrder as number) : index + 1,
        isActive: doc.isActive !== false && doc.is_active !== false,
        slugBase: toSlug(typeof doc.slug === 'string' ? doc.slug : name) || toSlug(`category-${id}`),
      },
    });
  });

  const isSame = (a: string, b: string): boolean => a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');
  const ownIds = new Set(imported.map((c) => c.id));
  const others = existing.filter((c) => !ownIds.has(c.id));
  // Names that resolve to nothing known become new categories, once each.
  const newNames: string[] = [];
  const findKnown = (value: string): { id: string; name: string } | undefined =>
    imported.find((c) => c.id === value) ??
    others.find((c) => c.id === value) ??
    imported.find((c) => isSame(c.name, value)) ??
    others.find((c) => isSame(c.name, value)) ??
    others.find((c) => c.slug === toSlug(value));
  for (const value of wanted) {
    const name = value ?? uncategorised;
    if (findKnown(name) || isObjectIdLike(name) || newNames.some((n) => isSame(n, name))) continue;
    newNames.push(name);
  }
  const created = newNames.map((name, index) => {
    const slugBase = toSlug(name) || `category-${index + 1}`;
    return { id: `cat-${slugBase}`.slice(0, 64), name, doc: { id: `cat-${slugBase}`.slice(0, 64), _deleted: false, createdAt: now, updatedAt: now, name, sortOrder: 1000 + index, isActive: true, slugBase } };
  });

  const all = [...imported, ...created];
  const ids = new Set(all.map((c) => c.id));
  const taken = new Map(others.filter((c) => !ids.has(c.id)).map((c) => [c.slug, c.id]));
  const { slugs } = assignSlugs(all.map((c) => ({ id: c.id, base: String(c.doc.slugBase) })), taken);
  const documents: Record<string, unknown>[] = all.map(({ doc }) => {
    const { slugBase: _base, ...rest } = doc as Record<string, unknown>;
    return { ...rest, slug: slugs.get(String(doc.id))! };
  });
  for (const doc of documents) {
    const valid = validateDocument('categories', doc);
    if (!valid.ok) problems.push({ code: 'INVALID_FIELD', where: `category ${String(doc.id)} (${String(doc.name)})`, message: valid.error.message });
  }
  const known: KnownCategory[] = [...documents.map((d) => ({ id: String(d.id), name: String(d.name), slug: String(d.slug) })), ...others];

  return {
    documents,
    created: created.map((c) => c.name),
    resolve(value) {
      const name = value ?? uncategorised;
      const found = findKnown(name) ?? created.find((c) => isSame(c.name, name));
      if (!found) return { problem: `category ${JSON.stringify(name)} is not among the categories (a legacy category id that was not exported?)` };
      return known.find((c) => c.id === found.id)!;
    },
  };
}

function isObjectIdLike(value: string): boolean {
  return /^[0-9a-f]{24}$/i.test(value);
}
