/**
 * The legacy merge against real stores: reads the legacy source, plans (pure), and only when the
 * plan has no problem at all, backs up the originals, writes, and rewrites references.
 *
 * Bad input policy: the whole run is refused BEFORE anything is written (no backup, no document)
 * when any legacy document cannot be merged, with every problem listed; nothing is quarantined or
 * skipped, so no record can be lost quietly. Fix the export (or the legacy database) and run again.
 * Every step is idempotent: a second run, or a run after a crash, changes nothing already done.
 */
import { collectionNames, collections } from '@oa/schema';
import type { Storage } from '@oa/sync-server/storage';
import { insertMissing, type InsertFigures } from '../database/insert-missing';
import { readAllRows } from '../database/read-all-rows';
import { updateEach } from '../database/update-each';
import { MigrationError, type Problem } from '../errors';
import { legacyCollections, type LegacyCollection, type LegacyRecord } from './legacy-record';
import type { BackupResult, LegacySource } from './legacy-source';
import type { KnownCategory } from './merge/plan-categories';
import { planLegacyMerge, type LegacyMergeFigures, type LegacyMergeInput } from './merge/plan-legacy-merge';
import { productReferencesOf, referringCollections, rewriteReferences, type ReferringCollection } from './merge/rewrite-references';

export interface LegacyMergeReport extends Partial<LegacyMergeFigures> {
  readonly source: string;
  readonly dryRun: boolean;
  /** Set when there was nothing to merge. */
  readonly skipped?: string;
  readonly backups?: readonly BackupResult[];
  readonly retired?: Record<string, number>;
  readonly written?: Record<string, InsertFigures>;
  readonly referencesRewritten?: Record<ReferringCollection, number>;
  /** References to product ids no product has, after the merge (history of products long gone). */
  readonly dangling?: ReadonlyArray<{ readonly collection: ReferringCollection; readonly id: string; readonly productId: string }>;
  readonly liveProducts?: number;
}

export interface LegacyMergeOptions {
  readonly source: LegacySource;
  /** Opened, not yet set up: the merge sets the collections up once legacy documents are out of the way. */
  readonly storage: Storage;
  readonly now?: () => Date;
  readonly dryRun?: boolean;
  readonly log?: (line: string) => void;
}

export async function runLegacyMerge({ source, storage, now = () => new Date(), dryRun = false, log = () => undefined }: LegacyMergeOptions): Promise<LegacyMergeReport> {
  // 1. Read every legacy collection; unreadable parts are problems like any other.
  const read = new Map<LegacyCollection, LegacyRecord[]>();
  const problems: Problem[] = [];
  for (const collection of legacyCollections) {
    const result = await source.read(collection);
    if (!result) continue;
    read.set(collection, result.records);
    problems.push(...result.problems);
  }
  if (!read.has('adminproducts') && !read.has('products')) {
    return { source: source.description, dryRun, skipped: `no adminproducts or products in ${source.description}: nothing to merge` };
  }
  const at = now().toISOString();
  const inputWith = (existing: LegacyMergeInput['existing']): LegacyMergeInput => ({
    adminProducts: read.get('adminproducts') ?? [],
    userProducts: read.get('products') ?? [],
    categories: read.get('categories') ?? [],
    referring: Object.fromEntries(referringCollections.map((c) => [c, read.get(c) ?? []])),
    existing,
    now: at,
  });

  // 2. Refuse before any write if the legacy data cannot be merged as it is. (Problems never
  //    depend on what the platform database holds: that only changes slugs and categories.)
  const trial = planLegacyMerge(inputWith({ categories: [], productSlugs: new Map() }));
  problems.push(...trial.problems);
  if (problems.length > 0) {
    throw new MigrationError('INVALID_LEGACY_DATA', `the legacy data cannot be merged as it is: ${problems.length} problem(s); nothing was changed`, problems);
  }

  // 3. Originals first: nothing is changed before both are copied to their _backup.
  const inPlace = await source.countInPlace();
  const hasLegacyInPlace = Object.values(inPlace).some((n) => n > 0);
  const backups: BackupResult[] = [];
  const retired: Record<string, number> = {};
  if (!dryRun) {
    for (const collection of legacyCollections) if (read.has(collection)) backups.push(await source.backUp(collection));
    log(`backed up ${backups.map((b) => `${b.collection} → ${b.backup} (${b.count}${b.created ? '' : ', kept from an earlier run'})`).join(', ')}`);
    // Legacy documents living in the platform's own collections (MongoDB in place) leave them
    // now, each checked to be in its backup, so the server's unique `id`/`_seq` indexes can be built.
    for (const [collection, count] of Object.entries(inPlace)) {
      if (count > 0) retired[collection] = await source.retireInPlace(collection as LegacyCollection);
    }
  }
  // Setting the collections up creates only what the server creates at its start (empty tables and
  // indexes), so a dry run may do it. Over a database still holding legacy documents it cannot
  // (their indexes would not build): a dry run then plans against an empty platform database.
  const canReadTarget = !(dryRun && hasLegacyInPlace);
  if (canReadTarget) await storage.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));

  // 4. The real plan, against what the platform database holds now.
  const existing = canReadTarget ? await readExisting(storage) : { categories: [], productSlugs: new Map<string, string>() };
  const plan = planLegacyMerge(inputWith(existing));
  if (plan.problems.length > 0) throw new MigrationError('INVALID_LEGACY_DATA', 'the legacy data cannot be merged', plan.problems);
  const report = { source: source.description, dryRun, ...plan.figures, backups, retired };
  if (!canReadTarget) return { ...report, written: { categories: fresh(plan.categories.length), products: fresh(plan.products.length) } };

  // 5. Write: categories, then the merged products, then the legacy referring documents, each only if missing.
  const written: Record<string, InsertFigures> = {};
  written.categories = await insertMissing(storage, 'categories', plan.categories, { dryRun });
  written.products = await insertMissing(storage, 'products', plan.products, { dryRun });
  for (const collection of referringCollections) {
    if (plan.referring[collection].length > 0) written[collection] = await insertMissing(storage, collection, plan.referring[collection], { dryRun });
  }

  // 6. References already in the platform database (written before, by the server or a previous
  //    import) that still name an old product id now name the merged product.
  const referencesRewritten = {} as Record<ReferringCollection, number>;
  for (const collection of referringCollections) {
    // Per document, the last attempt's count: a write retried after a conflict counts once.
    const rewrittenById = new Map<string, number>();
    await updateEach(storage, collection, (doc) => {
      const result = rewriteReferences(collection, doc, plan.idMap);
      rewrittenById.set(String(doc.id), result.rewritten);
      return result.rewritten > 0 ? result.doc : undefined;
    }, { dryRun });
    referencesRewritten[collection] = [...rewrittenById.values()].reduce((sum, count) => sum + count, 0);
  }

  const { dangling, liveProducts } = dryRun ? { dangling: undefined, liveProducts: undefined } : await findDangling(storage);
  log(`merged ${plan.figures.adminProducts} admin and ${plan.figures.userProducts} user products into ${plan.figures.products} (${plan.figures.matched} matched)`);
  return { ...report, written, referencesRewritten, ...(dangling ? { dangling, liveProducts } : {}) };
}

function fresh(count: number): InsertFigures {
  return { inserted: count, unchanged: 0, kept: [] };
}

async function readExisting(storage: Storage): Promise<LegacyMergeInput['existing']> {
  const live = (rows: Awaited<ReturnType<typeof readAllRows>>) => rows.filter((row) => !row.doc._deleted).map((row) => row.doc);
  const categories: KnownCategory[] = live(await readAllRows(storage, 'categories')).map((doc) => ({ id: doc.id, name: String(doc.name), slug: String(doc.slug) }));
  const productSlugs = new Map(live(await readAllRows(storage, 'products')).map((doc) => [String(doc.slug), doc.id]));
  return { categories, productSlugs };
}

/** Every product reference that names no stored product. */
export async function findDangling(storage: Storage): Promise<{ dangling: NonNullable<LegacyMergeReport['dangling']>; liveProducts: number }> {
  const products = await readAllRows(storage, 'products');
  const ids = new Set(products.map((row) => row.doc.id));
  const dangling: Array<{ collection: ReferringCollection; id: string; productId: string }> = [];
  for (const collection of referringCollections) {
    for (const row of await readAllRows(storage, collection)) {
      if (row.doc._deleted) continue;
      for (const productId of productReferencesOf(collection, row.doc)) if (!ids.has(productId)) dangling.push({ collection, id: row.doc.id, productId });
    }
  }
  return { dangling, liveProducts: products.filter((row) => !row.doc._deleted).length };
}
