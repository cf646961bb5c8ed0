/**
 * A small demo catalogue (categories and products) for a fresh database, so a newcomer's first
 * `npm start` shows a working shop. Pure data plus one function that writes it only when the
 * catalogue is empty; every document passes the same validation as any other write.
 */
import { collections, validateDocument, type CollectionName } from '@oa/schema';
import type { Storage } from '../storage/port';

const categories = [
  { id: 'cat-prasadam', name: 'Prasadam', slug: 'prasadam', sortOrder: 1, description: 'Temple sweets, packed fresh.' },
  { id: 'cat-pooja', name: 'Pooja Items', slug: 'pooja-items', sortOrder: 2, description: 'Everything for a home pooja.' },
  { id: 'cat-books', name: 'Books', slug: 'books', sortOrder: 3, description: 'Stotras, sthala puranam and guides.' },
  { id: 'cat-photos', name: 'Photo Frames', slug: 'photo-frames', sortOrder: 4, description: 'Framed pictures of Sri Satyanarayana Swamy.' },
];

const products: Array<{ name: string; categoryId: string; price: number; mrp?: number; stock: number; unit: string; tags: string[] }> = [
  { name: 'Annavaram Prasadam (Godhuma Ravva Laddu)', categoryId: 'cat-prasadam', price: 60, stock: 120, unit: '250 g', tags: ['sweet', 'bestseller'] },
  { name: 'Prasadam Family Pack', categoryId: 'cat-prasadam', price: 220, mrp: 240, stock: 40, unit: '1 kg', tags: ['sweet'] },
  { name: 'Pulihora Mix', categoryId: 'cat-prasadam', price: 90, stock: 60, unit: '200 g', tags: ['savoury'] },
  { name: 'Satyanarayana Vratham Kit', categoryId: 'cat-pooja', price: 450, mrp: 500, stock: 25, unit: 'kit', tags: ['vratham'] },
  { name: 'Pure Cow Ghee Deepam Wicks', categoryId: 'cat-pooja', price: 120, stock: 80, unit: '50 wicks', tags: ['deepam'] },
  { name: 'Kumkum and Turmeric Set', categoryId: 'cat-pooja', price: 75, stock: 5, unit: 'set', tags: ['kumkum'] },
  { name: 'Camphor Tablets', categoryId: 'cat-pooja', price: 55, stock: 0, unit: '100 g', tags: ['aarti'] },
  { name: 'Satyanarayana Vratha Katha (Telugu)', categoryId: 'cat-books', price: 80, stock: 30, unit: 'book', tags: ['telugu'] },
  { name: 'Annavaram Sthala Puranam (English)', categoryId: 'cat-books', price: 150, stock: 15, unit: 'book', tags: ['english'] },
  { name: 'Swamy Photo Frame, Small', categoryId: 'cat-photos', price: 299, mrp: 349, stock: 20, unit: '8 x 10 in', tags: ['frame'] },
  { name: 'Swamy Photo Frame, Large', categoryId: 'cat-photos', price: 899, stock: 6, unit: '16 x 20 in', tags: ['frame'] },
];

function slugOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The demo documents, validated: a mistake here fails the test suite, not a newcomer's start. */
export function demoCatalog(now: string): { categories: Record<string, unknown>[]; products: Record<string, unknown>[] } {
  const base = { _deleted: false, createdAt: now, updatedAt: now, isActive: true };
  const categoryDocs = categories.map((c) => ({ ...base, ...c }));
  const productDocs = products.map((p, i) => {
    const slug = slugOf(p.name);
    // WebP, as a shop's photos are (scripts/make-demo-images.ts says why not the SVGs).
    const image = `/images/demo/${slug}.webp`;
    return {
      ...base,
      id: `demo-product-${i + 1}`,
      name: p.name,
      slug,
      description: `${p.name}, from the Annavaram devasthanam store.`,
      price: p.price,
      ...(p.mrp ? { mrp: p.mrp } : {}),
      categoryId: p.categoryId,
      category: categories.find((c) => c.id === p.categoryId)!.name,
      images: [image],
      imageUrl: image,
      stock: p.stock,
      totalStock: p.stock,
      unit: p.unit,
      tags: p.tags,
      ratingAverage: 0,
      ratingCount: 0,
    };
  });
  const check = (collection: CollectionName, docs: Record<string, unknown>[]) =>
    docs.map((doc) => {
      const normalized = collections[collection].normalize(doc, { categories: categoryDocs });
      const valid = normalized.ok ? validateDocument(collection, normalized.value) : undefined;
      if (!valid?.ok) throw new Error(`demo ${collection} ${String(doc.id)} is invalid: ${JSON.stringify(valid?.error ?? normalized)}`);
      return valid.value;
    });
  return { categories: check('categories', categoryDocs), products: check('products', productDocs) };
}

/** Writes the demo catalogue when the database has no categories and no products. */
export async function seedDemoCatalog(storage: Storage, now: Date): Promise<{ seeded: boolean }> {
  const [hasCategories, hasProducts] = await Promise.all([
    storage.latestCheckpoint('categories'),
    storage.latestCheckpoint('products'),
  ]);
  if (hasCategories > 0 || hasProducts > 0) return { seeded: false };
  const catalog = demoCatalog(now.toISOString());
  const create = (doc: Record<string, unknown>) => ({ id: String(doc.id), expectedSeq: null, doc: doc as { id: string; _deleted: boolean } });
  await storage.write('categories', catalog.categories.map(create));
  await storage.write('products', catalog.products.map(create));
  return { seeded: true };
}
