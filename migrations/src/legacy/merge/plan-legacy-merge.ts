/**
 * The whole legacy merge as data: legacy records in, the documents to write out (categories,
 * the merged products, the referring documents with their product ids rewritten), the map from
 * every old product id to its merged product, every problem, and the figures for the report.
 * Pure: the same input always gives the same plan, which is what makes a second run a no-op.
 */
import { normalizeProduct, validateDocument } from '@oa/schema';
import type { Problem } from '../../errors';
import type { LegacyRecord } from '../legacy-record';
import { assignSlugs, type SlugClash } from './assign-slugs';
import { matchProducts, type MatchRule } from './match-products';
import { mergeProductFields } from './merge-product-fields';
import { planCategories, type KnownCategory } from './plan-categories';
import { objectIdTime, readLegacyProduct, type LegacyProduct, type ProductSide } from './read-legacy-product';
import { referringCollections, rewriteReferences, type ReferringCollection } from './rewrite-references';
import { toPlatformDocument } from './to-platform-document';
import { toSlug } from './to-slug';

export interface LegacyMergeInput {
  readonly adminProducts: readonly LegacyRecord[];
  readonly userProducts: readonly LegacyRecord[];
  readonly categories: readonly LegacyRecord[];
  /** Legacy orders, reviews, cart items and wishlists, imported with their references rewritten. */
  readonly referring: Readonly<Partial<Record<ReferringCollection, readonly LegacyRecord[]>>>;
  /** What the platform database already holds (live documents). */
  readonly existing: {
    readonly categories: readonly KnownCategory[];
    /** slug → id of live products. */
    readonly productSlugs: ReadonlyMap<string, string>;
  };
  /** Stands in for a missing timestamp on a document whose id is not an ObjectId. */
  readonly now: string;
}

export interface LegacyMergeFigures {
  readonly adminProducts: number;
  readonly userProducts: number;
  readonly matched: number;
  readonly matchedBy: Record<MatchRule, number>;
  readonly products: number;
  readonly slugClashes: readonly SlugClash[];
  readonly categoriesCreated: readonly string[];
  /** Legacy product fields not carried over (kept in the backups), with how many documents had them. */
  readonly droppedFields: Record<string, number>;
  /** Imported referring documents that do not pass today's schema (kept as they are; listed to fix). */
  readonly notSchemaValid: ReadonlyArray<{ readonly collection: ReferringCollection; readonly id: string; readonly message: string }>;
}

export interface LegacyMergePlan {
  readonly problems: readonly Problem[];
  readonly categories: readonly Record<string, unknown>[];
  readonly products: readonly Record<string, unknown>[];
  readonly referring: Readonly<Record<ReferringCollection, readonly Record<string, unknown>[]>>;
  /** Every legacy product id → the id of the product it became (itself when kept). */
  readonly idMap: ReadonlyMap<string, string>;
  readonly figures: LegacyMergeFigures;
}

export function planLegacyMerge(input: LegacyMergeInput): LegacyMergePlan {
  const problems: Problem[] = [];
  const admins = readSide(input.adminProducts, 'admin', problems);
  const users = readSide(input.userProducts, 'user', problems);
  const groups = matchProducts(admins, users);

  const merged = groups.map((group) => {
    const fields = mergeProductFields(group.admin?.fields, group.user?.fields);
    const id = (group.admin ?? group.user)!.id;
    const where = [group.admin?.where, group.user?.where].filter(Boolean).join(' + ');
    return { group, fields, id, where };
  });
  const categories = planCategories(input.categories, input.existing.categories, merged.map((m) => m.fields.category), input.now, problems);

  const ownIds = new Set(merged.map((m) => m.id));
  const taken = new Map([...input.existing.productSlugs].filter(([, id]) => !ownIds.has(id)));
  const { slugs, clashes } = assignSlugs(
    merged.map(({ id, fields }) => ({ id, base: toSlug(fields.slug ?? fields.name ?? '') || toSlug(`product-${id}`) })),
    taken,
  );

  const products: Record<string, unknown>[] = [];
  for (const { id, where, fields } of merged) {
    const missing = (['name', 'price'] as const).filter((field) => fields[field] === undefined);
    if (missing.length > 0) {
      problems.push({ code: 'MISSING_FIELD', where, message: `no ${missing.join(' and no ')} on either backend` });
      continue;
    }
    const category = categories.resolve(fields.category);
    if ('problem' in category) {
      problems.push({ code: 'INVALID_FIELD', where, message: category.problem });
      continue;
    }
    const createdAt = fields.createdAt ?? objectIdTime(id) ?? input.now;
    const doc = {
      id,
      _deleted: false,
      createdAt,
      updatedAt: fields.updatedAt ?? createdAt,
      name: fields.name,
      slug: slugs.get(id),
      description: fields.description ?? '',
      price: fields.price,
      ...(fields.mrp !== undefined ? { mrp: fields.mrp } : {}),
      categoryId: category.id,
      category: category.name,
      images: fields.images ?? [],
      stock: fields.stock ?? 0,
      ...(fields.unit !== undefined ? { unit: fields.unit } : {}),
      tags: fields.tags ?? [],
      isActive: fields.isActive ?? true,
      ratingAverage: fields.ratingAverage ?? 0,
      ratingCount: fields.ratingCount ?? 0,
    };
    // The schema's own normaliser fills the aliases (totalStock, imageUrl, category), as on every save.
    const normalized = normalizeProduct(doc, { categories: [category] });
    const valid = normalized.ok ? validateDocument('products', normalized.value) : undefined;
    if (!normalized.ok) problems.push({ code: 'ALIAS_CONFLICT', where, message: normalized.error.message });
    else if (!valid?.ok) problems.push({ code: 'INVALID_FIELD', where, message: valid!.error.message });
    else products.push(valid.value);
  }

  const idMap = new Map<string, string>();
  for (const { group, id } of merged) {
    if (group.admin) idMap.set(group.admin.id, id);
    if (group.user) idMap.set(group.user.id, id);
  }

  const referring = {} as Record<ReferringCollection, Record<string, unknown>[]>;
  const notSchemaValid: Array<LegacyMergeFigures['notSchemaValid'][number]> = [];
  for (const collection of referringCollections) {
    const seen = new Set<string>();
    referring[collection] = [];
    for (const record of input.referring[collection] ?? []) {
      const converted = toPlatformDocument(collection, record, input.now);
      problems.push(...converted.problems);
      if (!converted.doc) continue;
      const id = String(converted.doc.id);
      if (seen.has(id)) {
        problems.push({ code: 'DUPLICATE_ID', where: record.where, message: `a second ${collection} document with _id ${id}` });
        continue;
      }
      seen.add(id);
      const { doc } = rewriteReferences(collection, converted.doc, idMap);
      const valid = validateDocument(collection, doc);
      if (!valid.ok) notSchemaValid.push({ collection, id, message: valid.error.message });
      referring[collection].push(doc);
    }
  }

  const droppedFields: Record<string, number> = {};
  for (const product of [...admins, ...users]) for (const field of product.dropped) droppedFields[field] = (droppedFields[field] ?? 0) + 1;
  const matchedBy: Record<MatchRule, number> = { id: 0, name: 0, slug: 0 };
  for (const { group } of merged) if (group.by) matchedBy[group.by]++;

  return {
    problems,
    categories: categories.documents,
    products,
    referring,
    idMap,
    figures: {
      adminProducts: input.adminProducts.length,
      userProducts: input.userProducts.length,
      matched: matchedBy.id + matchedBy.name + matchedBy.slug,
      matchedBy,
      products: products.length,
      slugClashes: clashes,
      categoriesCreated: categories.created,
      droppedFields,
      notSchemaValid,
    },
  };
}

function readSide(records: readonly LegacyRecord[], side: ProductSide, problems: Problem[]): LegacyProduct[] {
  const products: LegacyProduct[] = [];
  const seen = new Map<string, string>();
  for (const record of records) {
    const read = readLegacyProduct(record, side);
    problems.push(...read.problems);
    if (!read.product) continue;
    const first = seen.get(read.product.id);
    if (first !== undefined) {
      problems.push({ code: 'DUPLICATE_ID', where: read.product.where, message: `the same _id as ${first}` });
      continue;
    }
    seen.set(read.product.id, read.product.where);
    products.push(read.product);
  }
  return products;
}
