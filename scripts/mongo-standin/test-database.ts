/**
 * Which database a test run's servers use, as the vitest projects provide it (vitest.config.ts):
 * the `sqlite` project uses embedded SQLite; `mongodb-replset` and `mongodb-standalone` get a URL
 * from their global set-up (a stand-in it started, or MONGODB_TEST_URL / MONGODB_STANDALONE_TEST_URL).
 * Tests never branch on it: they open their storage through the helpers that read it.
 */
import { inject } from 'vitest';

export { withDatabaseName } from './start-standin';

export type TestDatabase =
  | { readonly kind: 'sqlite' }
  | { readonly kind: 'mongodb'; readonly topology: 'replset' | 'standalone'; readonly url: string };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabase;
  }
}

/** The database of the project this test file runs in (SQLite outside the MongoDB projects). */
export function testDatabase(): TestDatabase {
  return inject('testDatabase') ?? { kind: 'sqlite' };
}
