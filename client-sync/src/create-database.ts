/**
 * The local database of one signed-in user (or of an anonymous visitor): an RxDatabase on the
 * storage the caller gives (Dexie in the browser, memory in Node tests) with the RxDB schemas
 * derived in @oa/schema, for exactly the collections this user may see. Not for replication.
 */
import { collections as definitions, type CollectionName } from '@oa/schema';
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';

export interface CreateSyncDatabaseOptions {
  /** One database per user: the name should say whose it is, so signing out can remove exactly it. */
  readonly name: string;
  readonly storage: RxStorage<unknown, unknown>;
  readonly collections: readonly CollectionName[];
  /** Several tabs on one database (browser): true, so RxDB elects the one tab that replicates. */
  readonly multiInstance?: boolean;
}

export type SyncDatabase = RxDatabase<Record<string, RxCollection>>;

export async function createSyncDatabase(options: CreateSyncDatabaseOptions): Promise<SyncDatabase> {
  // Replicated data must be stored exactly as the server sends it, and tombstones carry only
  // `{ id, _deleted: true, updatedAt }`: RxDB's validation wrappers (validate-*) check deleted
  // documents against the full schema too, so they would refuse every deletion. The server
  // validates every write with the zod schemas; the apps validate their own writes before they
  // make them (validateDocument from @oa/schema).
  if (options.storage.name.startsWith('validate-')) {
    throw new Error('createSyncDatabase: pass the storage without a validation wrapper (tombstones carry only id, _deleted and updatedAt)');
  }
  const database = await createRxDatabase<Record<string, RxCollection>>({
    name: options.name,
    storage: options.storage,
    multiInstance: options.multiInstance ?? true,
    eventReduce: true,
  });
  try {
    await database.addCollections(
      Object.fromEntries(
        options.collections.map((name) => [
          name,
          // The derived schema is a plain JSON schema keyed by 'id', shaped as RxDB expects.
          { schema: definitions[name].rxSchema as unknown as RxJsonSchema<Record<string, unknown>> },
        ]),
      ),
    );
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
