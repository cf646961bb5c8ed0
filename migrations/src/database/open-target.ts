/**
 * The database a command works on, from DATABASE_URL with the server's own rules (`file:…` is
 * SQLite, `mongodb://…` MongoDB, database from the URL's path or online_annavaram): the storage
 * port for documents, plus the maintenance tools (ledger, lock, index listing). The MongoDB parts
 * are loaded only when used, as the server does, so an embedded set-up never loads the driver.
 */
import { collectionNames, collections } from '@oa/schema';
// The server's own URL rules and adapter choice, so migrations read DATABASE_URL exactly as it does.
import { createStorage, databaseNameFromUrl, isStorageError, parseDatabaseUrl, type DatabaseTarget, type Storage } from '@oa/sync-server/storage';
import { MigrationError } from '../errors';
import type { Maintenance } from '../runner/ledger';

export interface Target {
  readonly database: DatabaseTarget;
  /** Opened only when first asked for (a command that reads only the ledger never opens it). */
  storage(): Promise<Storage>;
  /** The storage with every collection and index set up, as the server does at start. */
  ready(): Promise<Storage>;
  /**
   * The storage set up as ready() does or, where stored duplicates keep a unique index from
   * being built (an earlier version let a race store them), with the indexes that can be: enough
   * to back the data up and settle them.
   */
  readable(): Promise<Storage>;
  readonly maintenance: Maintenance;
  close(): Promise<void>;
}


export async function openTarget(databaseUrl: string, options: { readonly cwd?: string; readonly readOnly?: boolean } = {}): Promise<Target> {
  const cwd = options.cwd ?? process.cwd();
  let database: DatabaseTarget;
  try {
    database = parseDatabaseUrl(databaseUrl, cwd);
  } catch (error) {
    throw new MigrationError('BAD_ARGUMENTS', isStorageError(error) ? error.message : String(error));
  }
  const maintenance =
    database.kind === 'sqlite'
      ? (await import('./sqlite/open-sqlite-maintenance')).openSqliteMaintenance(database.path, { readOnly: options.readOnly ?? false })
      : await (await import('./mongodb/open-mongodb-maintenance')).openMongoMaintenance(database.url, databaseNameFromUrl(database.url));
  let opened: Promise<Storage> | undefined;
  let readied: Promise<Storage> | undefined;
  const storage = (): Promise<Storage> => {
    opened ??= createStorage(database, { onFeedError: () => undefined }).catch((error: unknown) => {
      throw toDatabaseError(error);
    });
    return opened;
  };
  const ready = (): Promise<Storage> => {
    // Kept only once it succeeded: a unique index blocked by duplicates builds on a later call,
    // after the migration that settles them (readable() below lets it read them first).
    readied ??= storage()
      .then(async (s) => {
        await s.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
        return s;
      })
      .catch((error: unknown) => {
        readied = undefined;
        throw toDatabaseError(error);
      });
    return readied;
  };
  return {
    database,
    storage,
    ready,
    async readable() {
      try {
        return await ready();
      } catch (error) {
        if (!isIndexBlocked(error)) throw error;
        // Duplicates stored before a unique index existed: every collection set up with the
        // indexes that can be built, so a backup can copy them and a migration settle them.
        const s = await storage();
        await s.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes.filter((index) => !index.unique) })));
        return s;
      }
    },
    maintenance,
    async close() {
      if (opened) await (await opened.catch(() => undefined))?.close();
      await maintenance.close();
    },
  };
}

function isIndexBlocked(error: unknown): boolean {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return isStorageError(cause) && cause.code === 'DUPLICATE_KEY';
}

function toDatabaseError(error: unknown): unknown {
  if (!isStorageError(error)) return error;
  // A unique index that cannot be built says itself what to do (storage/errors.ts: toIndexBlockedError).
  return new MigrationError('DATABASE_UNAVAILABLE', `the database refused (${error.code}): ${error.message}`, [], { cause: error });
}
