/**
 * The local database of one signed-in user (or of an anonymous visitor): an RxDatabase on the
 * storage the caller gives (Dexie in the browser, memory in Node tests) with the RxDB schemas
 * derived in @oa/schema, for exactly the collections this user may see. Not for replication.
 */
import { documentMigrations, toMigrationStrategies } from '@oa/document-migrations';
import { collections as definitions, type CollectionName } from '@oa/schema';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxConflictHandler, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { nextTask } from './next-task';
import { createConflictHandler } from './replication/conflicts/create-conflict-handler';
import type { MergeRules } from './replication/conflicts/merge-three-way';
import { refusedRowsOf } from './replication/refused-rows';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';

export interface CreateSyncDatabaseOptions {
  /** One database per user: the name should say whose it is, so signing out can remove exactly it. */
  readonly name: string;
  readonly storage: RxStorage<unknown, unknown>;
  readonly collections: readonly CollectionName[];
  /** Several tabs on one database (browser): true, so RxDB elects the one tab that replicates. */
  readonly multiInstance?: boolean;
  /**
   * Collections whose offline edits are merged into the server's newer state on a conflict
   * (a profile, a wishlist); every other collection takes the server's state.
   */
  readonly merge?: Partial<Record<CollectionName, MergeRules>>;
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
  // Added here, not on import: the package does nothing on import, so an app's first paint can
  // leave RxDB out (client-sync/README.md). RxDB adds each plugin once, however often this runs.
  // Apps wait for this tab's leadership (waitForLeadership) before replicating databases that elect separately.
  addRxPlugin(RxDBLeaderElectionPlugin);
  // A device that skipped app versions upgrades its stored documents with the server's own steps.
  addRxPlugin(RxDBMigrationSchemaPlugin);
  // Each collection's RxDB schema is derived from its zod schema on first use (@oa/schema): one
  // per task, so a phone's main thread is never held for all of them at once; RxDB's own start
  // (the database, then its collections) takes a task of its own after them.
  const schemas: Partial<Record<CollectionName, RxJsonSchema<Record<string, unknown>>>> = {};
  for (const name of options.collections) {
    schemas[name] = definitions[name].rxSchema as unknown as RxJsonSchema<Record<string, unknown>>;
    await nextTask();
  }
  const database = await createRxDatabase<Record<string, RxCollection>>({
    name: options.name,
    storage: options.storage,
    multiInstance: options.multiInstance ?? true,
    eventReduce: true,
  });
  try {
    await nextTask();
    await database.addCollections(
      Object.fromEntries(
        options.collections.map((name) => [
          name,
          // The derived schema is a plain JSON schema keyed by 'id', shaped as RxDB expects.
          {
            schema: schemas[name]!,
            // The same pure steps `npm run migrate` applies on the server (@oa/document-migrations, in migrations/documents/).
            migrationStrategies: toMigrationStrategies(documentMigrations[name], definitions[name].version),
            conflictHandler: createConflictHandler({
              merge: options.merge?.[name],
              takeRefused: (id) => refusedRowsOf(database, name).delete(id),
            }) as unknown as RxConflictHandler<Record<string, unknown>>,
          },
        ]),
      ),
    );
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
