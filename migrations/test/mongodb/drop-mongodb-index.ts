/** Test helper: breaks a MongoDB database on purpose by dropping one index (only this folder imports the driver). */
import { withMongo } from './seed-legacy-mongodb';

export async function dropMongoIndex(url: string, databaseName: string, collection: string, index: string): Promise<void> {
  await withMongo(url, databaseName, async (db) => {
    await db.collection(collection).dropIndex(index);
  });
}
