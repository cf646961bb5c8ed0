/**
 * Test helper: drops one index of a collection on whichever database DATABASE_URL names, read with
 * the server's own URL rules. The one place the migration tests choose a driver for this, so a
 * test that breaks an index on purpose runs unchanged on SQLite and MongoDB.
 */
import { databaseNameFromUrl, parseDatabaseUrl } from '@oa/sync-server/storage';

export async function dropIndex(databaseUrl: string, collection: string, index: string): Promise<void> {
  const database = parseDatabaseUrl(databaseUrl);
  if (database.kind === 'sqlite') {
    // SQLite index names are global to the file; the collection is implied by the name.
    const { dropSqliteIndex } = await import('./sqlite/drop-sqlite-index');
    dropSqliteIndex(database.path, index);
    return;
  }
  const { dropMongoIndex } = await import('./mongodb/drop-mongodb-index');
  await dropMongoIndex(database.url, databaseNameFromUrl(database.url), collection, index);
}
