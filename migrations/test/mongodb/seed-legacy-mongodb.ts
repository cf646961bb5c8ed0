/**
 * Test helper: writes the legacy fixture into a MongoDB database as the old backends left it
 * (real ObjectIds, Decimal128 prices, dates; no `id`, no `_seq`), and reads collections back raw.
 * Only this folder of the tests imports the driver.
 */
import { BSON, MongoClient, type Document } from 'mongodb';

export async function withMongo<T>(url: string, databaseName: string, use: (db: ReturnType<MongoClient['db']>) => Promise<T>): Promise<T> {
  const client = new MongoClient(url);
  try {
    await client.connect();
    return await use(client.db(databaseName));
  } finally {
    await client.close();
  }
}

export async function seedLegacyMongo(url: string, databaseName: string, collections: Record<string, Array<Record<string, unknown>>>): Promise<void> {
  await withMongo(url, databaseName, async (db) => {
    for (const [name, docs] of Object.entries(collections)) {
      // Canonical Extended JSON back to BSON: {$oid} → ObjectId, {$numberDecimal} → Decimal128, {$date} → Date.
      const bson = docs.map((doc) => BSON.EJSON.parse(JSON.stringify(doc), { relaxed: false }) as Document);
      if (bson.length > 0) await db.collection(name).insertMany(bson);
    }
    // A legacy index on a key the server indexes under its own name.
    await db.collection('products').createIndex({ name: 1 }, { name: 'name_1' });
  });
}

export async function readRaw(url: string, databaseName: string, collection: string, filter: Document = {}): Promise<Document[]> {
  return withMongo(url, databaseName, (db) => db.collection(collection).find(filter, { sort: { _id: 1 } }).toArray());
}
