/**
 * Test data: a legacy `online_annavaram` as `mongoexport` files. 50 admin products and 45 user
 * products overlapping in 20 (10 share an ObjectId, 10 only a name written differently), two
 * admin products whose names give the same slug, categories by ObjectId and by name (one name
 * unknown), and orders, reviews, cart items and wishlists pointing at old ids of both backends.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const oid = (prefix: string, n: number): string => `${prefix}${n.toString(16).padStart(24 - prefix.length, '0')}`;
const ejsonId = (id: string) => ({ $oid: id });
const date = (day: number) => ({ $date: new Date(Date.UTC(2024, 0, day)).toISOString() });

export const adminId = (i: number) => oid('65a0', i);
export const userId = (j: number) => (j <= 10 ? adminId(j) : oid('65b0', j));
export const categoryIds = [oid('65c0', 1), oid('65c0', 2), oid('65c0', 3)];

export type Ejson = Record<string, unknown>;

export function legacyCollectionsFixture(): Record<string, Ejson[]> {
  const categories = ['Prasadam', 'Pooja Items', 'Books'].map((name, index) => ({ _id: ejsonId(categoryIds[index]!), name, isActive: true, __v: 0 }));
  const adminproducts = Array.from({ length: 50 }, (_, k) => {
    const i = k + 1;
    return {
      _id: ejsonId(adminId(i)),
      // Product 50 is "Product 49!": the same slug as product 49, so it gets "-2".
      name: i === 50 ? 'Product 49!' : `Product ${i}`,
      description: `Admin description ${i}`,
      price: { $numberDecimal: `${i * 10}.00` },
      category: ejsonId(categoryIds[i % 3]!),
      images: [`https://cdn.example/admin/${i}.jpg`],
      stock: { $numberInt: String(i) },
      isActive: i % 7 !== 0,
      createdAt: date(i % 28 + 1),
      sku: `A-${i}`,
      __v: 0,
    };
  });
  const products = Array.from({ length: 45 }, (_, k) => {
    const j = k + 1;
    const overlap = j <= 20;
    return {
      _id: ejsonId(userId(j)),
      // 11..20 match admin products by name only (case and spacing differ).
      title: overlap ? `  PRODUCT ${j} ` : `User product ${j}`,
      price: overlap ? String(j * 10 - 1) : `₹1,${String(j).padStart(3, '0')}.50`,
      category: j > 40 ? 'Festival Specials' : 'Prasadam',
      image_url: `uploads/user/${j}.jpg`,
      total_stock: j + 100,
      is_active: true,
      rating: 4.5,
      numReviews: j,
      created_at: date(1),
    };
  });
  const orders = Array.from({ length: 10 }, (_, k) => ({
    _id: ejsonId(oid('65d0', k + 1)),
    orderId: `OA-LEGACY-${k + 1}`,
    user: ejsonId(oid('65e0', k + 1)),
    // Points at a user-side id that was merged (11..20), an admin id, and a user-only product.
    items: [
      { product: ejsonId(userId(11 + k)), name: `Product ${11 + k}`, price: 100, quantity: 1 },
      { product: ejsonId(adminId(30 + k)), name: `Product ${30 + k}`, price: 300, quantity: 2 },
      { product: ejsonId(userId(21 + k)), name: `User product ${21 + k}`, price: 1000, quantity: 1 },
    ],
    total: 1700,
    status: 'delivered',
    createdAt: date(10),
  }));
  const reviews = Array.from({ length: 15 }, (_, k) => ({
    _id: ejsonId(oid('65f0', k + 1)),
    product: ejsonId(userId(6 + k)),
    user: ejsonId(oid('65e0', k + 1)),
    rating: { $numberInt: String((k % 5) + 1) },
    comment: `Review ${k + 1}`,
    isApproved: true,
    isDeleted: false,
  }));
  const cart_items = Array.from({ length: 5 }, (_, k) => ({
    _id: ejsonId(oid('6600', k + 1)),
    cartId: oid('6610', 1),
    userId: oid('65e0', 1),
    productId: ejsonId(userId(15 + k)),
    quantity: 1,
  }));
  const wishlists = [
    { _id: ejsonId(oid('6620', 1)), userId: oid('65e0', 1), productIds: [ejsonId(userId(12)), ejsonId(adminId(12)), ejsonId(userId(40))] },
  ];
  return { categories, adminproducts, products, orders, reviews, cart_items, wishlists };
}

/** Writes the fixture as mongoexport would: one document per line, except products as --jsonArray. */
export function writeLegacyExport(collections: Record<string, Ejson[]> = legacyCollectionsFixture(), folder = mkdtempSync(join(tmpdir(), 'oa-legacy-'))): string {
  for (const [name, docs] of Object.entries(collections)) {
    const text = name === 'products' ? JSON.stringify(docs, null, 2) : `${docs.map((doc) => JSON.stringify(doc)).join('\n')}\n`;
    writeFileSync(join(folder, `${name}.json`), text);
  }
  return folder;
}
