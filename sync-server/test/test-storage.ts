/**
 * Test helper: a fresh, empty database for one test server on the database of the project the
 * test runs in (testDatabase(): SQLite in a temporary folder, or a throwaway MongoDB database on
 * the project's server), opened through the real adapter, and dropped afterwards. The one place
 * the test helpers choose an adapter, so the test files never branch on it.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { testDatabase, withDatabaseName } from '../../scripts/mongo-standin/test-database';
import { databaseNameFromUrl, openSqliteStorage, type Storage } from '../src/storage';
import { dropMongoDatabase } from '../src/storage/mongodb/drop-database';
import { openMongoStorage } from '../src/storage/mongodb/open-mongodb-storage';

export interface TestStorage {
  readonly storage: Storage;
  /** DATABASE_URL for another process (a real server, an operator command) on the same database. */
  readonly databaseUrl: string;
  /** Opens another handle on the same database (as another server process would). */
  openAnother(): Promise<Storage>;
  /** Closes every handle and removes the database. */
  drop(): Promise<void>;
}

/** A database URL for this project's database, fresh and empty (SQLite: a file in `folder`). */
export function freshDatabaseUrl(folder: string): string {
  const database = testDatabase();
  if (database.kind === 'sqlite') return `file:${join(folder, 'platform.db')}`;
  return withDatabaseName(database.url, `oa_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`);
}

/** Removes what freshDatabaseUrl named (SQLite's file goes with its folder). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  if (!databaseUrl.startsWith('mongodb')) return;
  await dropMongoDatabase(databaseUrl, databaseNameFromUrl(databaseUrl));
}

export interface TestStorageOptions {
  readonly now?: () => Date;
  /**
   * SQLite: how often a handle looks for other handles' writes (0: never; one handle alone needs
   * none). MongoDB always polls every 50 ms when it has no change streams (a standalone), so a test
   * does not wait a second for another handle's writes.
   */
  readonly sqlitePollIntervalMs?: number;
  /** The URL the handles open instead of the fresh database's own (a proxy in front of it); dropping uses the real one. */
  readonly route?: (databaseUrl: string) => string;
}

export async function openTestStorage(folder: string, options: TestStorageOptions = {}): Promise<TestStorage> {
  const databaseUrl = freshDatabaseUrl(folder);
  const routed = options.route?.(databaseUrl) ?? databaseUrl;
  const open = (): Promise<Storage> =>
    routed.startsWith('file:')
      ? openSqliteStorage({ path: routed.slice('file:'.length), pollIntervalMs: options.sqlitePollIntervalMs ?? 0, now: options.now })
      : openMongoStorage({ url: routed, pollIntervalMs: 50, now: options.now });
  const handles = [await open()];
  return {
    storage: handles[0]!,
    databaseUrl,
    async openAnother() {
      const another = await open();
      handles.push(another);
      return another;
    },
    async drop() {
      for (const handle of handles.splice(0)) await handle.close();
      await dropDatabase(databaseUrl);
    },
  };
}
