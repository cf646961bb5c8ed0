/**
 * Drops a whole database: for the contract tests' throwaway databases (and tools), never called
 * by the server. Lives here because only this folder may import the driver.
 */
import { MongoClient } from 'mongodb';
import { toStorageError } from './to-storage-error';

export async function dropMongoDatabase(url: string, databaseName: string): Promise<void> {
  const client = new MongoClient(url);
  try {
    await client.db(databaseName).dropDatabase({ writeConcern: { w: 'majority' } });
  } catch (error) {
    throw toStorageError(error);
  } finally {
    await client.close().catch(() => undefined);
  }
}
