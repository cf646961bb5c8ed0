/**
 * What every SQLite verb works with: the connection, a statement cache, the unique indexes
 * declared per collection (for the duplicate pre-check) and the clock.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { isCollectionName, type CollectionName, type IndexSpec } from '@oa/schema';
import { StorageError } from '../errors';

export interface SqliteContext {
  readonly db: BetterSqlite3.Database;
  readonly now: () => Date;
  readonly uniqueIndexes: Map<CollectionName, readonly IndexSpec[]>;
  /** Prepared statements by SQL text: preparing once is most of better-sqlite3's speed. */
  prepare(sql: string): BetterSqlite3.Statement;
  /** Marks a collection's table as created (ensureCollections). */
  register(collection: CollectionName): string;
  /** The quoted table name; only collections set up by ensureCollections reach SQL. */
  table(collection: CollectionName): string;
}

export function createSqliteContext(db: BetterSqlite3.Database, now: () => Date): SqliteContext {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const tables = new Set<CollectionName>();
  const uniqueIndexes = new Map<CollectionName, readonly IndexSpec[]>();
  return {
    db,
    now,
    uniqueIndexes,
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    register(collection) {
      if (!isCollectionName(collection)) throw new StorageError('INVALID_REQUEST', `unknown collection ${JSON.stringify(collection)}`);
      tables.add(collection);
      return `"${collection}"`;
    },
    table(collection) {
      if (!tables.has(collection)) {
        throw new StorageError('INVALID_REQUEST', `collection ${JSON.stringify(collection)} is not set up (ensureCollections)`);
      }
      return `"${collection}"`;
    },
  };
}
